// What POST /api/media answers, shared by the route and the uploader (no server code: the browser imports it).

/** The largest file the uploader sends: @minbar/media's MAX_UPLOAD_BYTES (its entry imports sharp, so the browser
 * cannot import it; a unit test keeps the two equal). */
export const UPLOAD_LIMIT_BYTES = 30 * 1024 * 1024;

/** Why a named file is refused: the intake's reasons (@minbar/media MediaRefusal), or storing it failed. */
export type FileRefusalCode =
  "empty" | "too_large" | "svg" | "unsupported_type" | "too_many_pixels" | "corrupt" | "failed";

/** Why a request is refused before its file is known. */
export type RequestRefusalCode = "origin" | "signed_out" | "forbidden" | "no_file" | "incomplete" | "too_large";

export type UploadErrorCode = FileRefusalCode | RequestRefusalCode;

/** A stored upload; `created` is false when the same file was already in the library (the same image). */
export type UploadedImage = { id: number; fileName: string; width: number; height: number; created: boolean };

/** A refusal: the code, and a sentence in the interface language naming the file when it is known. */
export type UploadRefusal = { error: UploadErrorCode; message: string };
