// The request side of POST /api/media, free of Next and the session so it is unit-tested: the Origin check and
// reading one multipart file within the size limit without holding more than the limit in memory.

/** Room for the multipart framing around the file (boundaries, part headers, a long file name). */
export const MULTIPART_ALLOWANCE_BYTES = 64 * 1024;

/**
 * A POST from the admin's own pages: browsers send Origin with every POST, so one that is missing or foreign is
 * refused (another site, or a sibling subdomain the SameSite cookie would not stop).
 */
export function isSameOrigin(headers: Headers, adminOrigin: string): boolean {
  return headers.get("origin") === adminOrigin;
}

export type ReadUpload =
  | { ok: true; fileName: string; data: Uint8Array }
  | { ok: false; code: "too_large"; fileName?: string }
  | { ok: false; code: "no_file" }
  /** Fewer bytes arrived than Content-Length announced: the client stopped, or something on the way cut the body. */
  | { ok: false; code: "incomplete"; received: number; declared: number };

/**
 * The `file` field of a multipart/form-data body. A body declared or found larger than `maxBytes` (plus the
 * framing) is refused as soon as that is known: from Content-Length before anything is read, else while reading.
 * A body shorter than its Content-Length (cut on the way) is "incomplete".
 */
export async function readUploadedFile(request: Request, maxBytes: number): Promise<ReadUpload> {
  const limit = maxBytes + MULTIPART_ALLOWANCE_BYTES;
  const declaredHeader = request.headers.get("content-length");
  const declared = declaredHeader === null ? null : Number(declaredHeader);
  if (declared !== null && Number.isFinite(declared) && declared > limit) return { ok: false, code: "too_large" };
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type) || !request.body) return { ok: false, code: "no_file" };

  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, code: "too_large" };
    }
    chunks.push(value);
  }
  if (declared !== null && Number.isFinite(declared) && received < declared)
    return { ok: false, code: "incomplete", received, declared };

  let form: FormData;
  try {
    form = await new Response(new Blob(chunks as BlobPart[]), { headers: { "content-type": type } }).formData();
  } catch {
    return { ok: false, code: "no_file" };
  }
  const file = form.get("file");
  if (file === null || typeof file === "string") return { ok: false, code: "no_file" };
  if (file.size > maxBytes) return { ok: false, code: "too_large", fileName: file.name };
  return { ok: true, fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}
