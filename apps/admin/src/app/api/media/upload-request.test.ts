// The upload endpoint's refusals before any image is looked at: a foreign or missing Origin, a body declared or
// found too large (refused without reading it whole), a body cut short, a request without a file.
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "@minbar/media";
import { UPLOAD_LIMIT_BYTES } from "../../../components/media/upload-types.ts";
import { isSameOrigin, MULTIPART_ALLOWANCE_BYTES, readUploadedFile } from "./upload-request.ts";

const ORIGIN = "https://admin.example.org";

function multipart(fields: Record<string, Blob | string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, name === "file" ? "photo.jpg" : "blob");
  }
  return new Request(`${ORIGIN}/api/media`, { method: "POST", body: form });
}

/** A request whose body is a stream of `chunks` chunks of `size` bytes, counting how many were read. */
function streamed(chunks: number, size: number, headers: Record<string, string>) {
  const counter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= chunks) return controller.close();
      counter.pulled += 1;
      controller.enqueue(new Uint8Array(size));
    },
  });
  const request = new Request(`${ORIGIN}/api/media`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, counter };
}

describe("upload request", () => {
  it("keeps the browser's limit equal to the intake's", () => {
    expect(UPLOAD_LIMIT_BYTES).toBe(MAX_UPLOAD_BYTES);
  });

  it("accepts only the admin's own Origin", () => {
    expect(isSameOrigin(new Headers({ origin: ORIGIN }), ORIGIN)).toBe(true);
    expect(isSameOrigin(new Headers({ origin: "https://evil.example" }), ORIGIN)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "https://admin.example.org.evil.example" }), ORIGIN)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "null" }), ORIGIN)).toBe(false);
    expect(isSameOrigin(new Headers(), ORIGIN)).toBe(false);
  });

  it("reads the file field of a multipart body", async () => {
    const data = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const read = await readUploadedFile(multipart({ file: new Blob([data]) }), 1000);
    expect(read).toEqual({ ok: true, fileName: "photo.jpg", data });
  });

  it("refuses a body declared larger than the limit before reading any of it", async () => {
    const { request, counter } = streamed(4, 1024, {
      "content-type": "multipart/form-data; boundary=x",
      "content-length": String(1000 + MULTIPART_ALLOWANCE_BYTES + 1),
    });
    expect(await readUploadedFile(request, 1000)).toEqual({ ok: false, code: "too_large" });
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading a body without a length as soon as it passes the limit", async () => {
    const { request, counter } = streamed(1000, 16 * 1024, { "content-type": "multipart/form-data; boundary=x" });
    expect(await readUploadedFile(request, 1000)).toEqual({ ok: false, code: "too_large" });
    expect(counter.pulled).toBeLessThan(10);
  });

  it("names the file when the file itself is over the limit", async () => {
    const read = await readUploadedFile(multipart({ file: new Blob([new Uint8Array(2000)]) }), 1000);
    expect(read).toEqual({ ok: false, code: "too_large", fileName: "photo.jpg" });
  });

  it("says a body shorter than its declared length arrived incomplete", async () => {
    const { request } = streamed(2, 100, {
      "content-type": "multipart/form-data; boundary=x",
      "content-length": "500",
    });
    expect(await readUploadedFile(request, 1000)).toEqual({
      ok: false,
      code: "incomplete",
      received: 200,
      declared: 500,
    });
  });

  it("refuses a request without a file", async () => {
    expect(await readUploadedFile(multipart({ other: "text" }), 1000)).toEqual({ ok: false, code: "no_file" });
    expect(await readUploadedFile(multipart({ file: "not a file" }), 1000)).toEqual({ ok: false, code: "no_file" });
    const json = new Request(`${ORIGIN}/api/media`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(await readUploadedFile(json, 1000)).toEqual({ ok: false, code: "no_file" });
    const { request } = streamed(1, 10, { "content-type": "multipart/form-data; boundary=x" });
    expect(await readUploadedFile(request, 1000)).toEqual({ ok: false, code: "no_file" });
  });
});
