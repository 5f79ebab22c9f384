// POST /api/media: one photo per request (multipart field `file`) into the media library. Answers the stored image
// as JSON, or a refusal `{ error, message }` worded in the interface language and naming the file. Renditions are
// made afterwards by a job (@minbar/jobs): this answer never waits for them.
import { getTranslations } from "next-intl/server";
import { uploadImage } from "@minbar/db/editorial";
import { can, ForbiddenError } from "@minbar/db/permissions";
import { MAX_UPLOAD_BYTES, MediaInputError, type MediaRefusal } from "@minbar/media";
import { getDb } from "../../../db.ts";
import { findActor } from "../../../lib/actor.ts";
import { adminOrigin } from "../../../lib/admin-origin.ts";
import { adminLog } from "../../../lib/log.ts";
import { getMediaStorage } from "../../../lib/media-storage.ts";
import { queueRenditions } from "../../../lib/jobs.ts";
import type {
  FileRefusalCode,
  RequestRefusalCode,
  UploadedImage,
  UploadRefusal,
} from "../../../components/media/upload-types.ts";
import { isSameOrigin, readUploadedFile } from "./upload-request.ts";

export const dynamic = "force-dynamic";

const STATUS: Record<MediaRefusal, number> = {
  empty: 422,
  too_large: 413,
  svg: 415,
  unsupported_type: 415,
  too_many_pixels: 422,
  corrupt: 422,
};

const headers = { "cache-control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  const t = await getTranslations("Media.refusals");
  const answer = (status: number, body: UploadRefusal) => Response.json(body, { status, headers });
  const refuse = (status: number, error: RequestRefusalCode) =>
    answer(status, { error, message: t(`request.${error}`) });
  const refuseFile = (status: number, error: FileRefusalCode, file: string) =>
    answer(status, { error, message: t(`file.${error}`, { file }) });

  // Cheapest refusals first, before a byte of the body is read.
  if (!isSameOrigin(request.headers, adminOrigin())) return refuse(403, "origin");
  const actor = await findActor();
  if (!actor) return refuse(401, "signed_out");
  // uploadImage checks the permission again; asking here spares reading a body that would be refused anyway.
  if (!can(actor, "media.upload")) return refuse(403, "forbidden");

  const read = await readUploadedFile(request, MAX_UPLOAD_BYTES);
  if (!read.ok) {
    if (read.code === "too_large")
      return read.fileName ? refuseFile(413, "too_large", read.fileName) : refuse(413, "too_large");
    if (read.code === "incomplete")
      // Next's proxy (src/proxy.ts runs for every path) buffers at most experimental.proxyClientMaxBodySize (10 MB
      // by default) and hands on only that much: said here, as the person is only told to try again.
      adminLog.error(
        `[media] an upload arrived cut: ${read.received} of ${read.declared} bytes (is proxyClientMaxBodySize below ${MAX_UPLOAD_BYTES}?)`,
      );
    return refuse(400, read.code);
  }

  try {
    const { image, created } = await uploadImage(getDb(), getMediaStorage(), actor, read);
    if (created) await queueRenditions(image.id);
    const body: UploadedImage = {
      id: image.id,
      fileName: image.fileName,
      width: image.width,
      height: image.height,
      created,
    };
    return Response.json(body, { status: created ? 201 : 200, headers });
  } catch (error) {
    if (error instanceof MediaInputError) return refuseFile(STATUS[error.code], error.code, error.fileName);
    if (error instanceof ForbiddenError) return refuse(403, "forbidden");
    adminLog.error(`[media] upload of ${read.fileName} failed`, error);
    return refuseFile(500, "failed", read.fileName);
  }
}
