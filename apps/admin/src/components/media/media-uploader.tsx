"use client";
// Adding photos to the library: a drop zone and a file picker taking several files at once, each sent on its own
// (POST /api/media) with its own progress bar, and each answered on its own: stored, or refused with the reason
// and the file's name. The server decides what is accepted; the browser only spares sending a file over the limit.
import { useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { UPLOAD_LIMIT_BYTES, type UploadedImage, type UploadRefusal } from "./upload-types.ts";

export type MediaUploaderProps = {
  /** Called once for each file the library stored (or already had: `created` false). */
  onUploaded?: (image: UploadedImage) => void;
  /** Called when every file of a batch has its answer. */
  onBatchDone?: () => void;
};

type Row = {
  key: string;
  fileName: string;
  /** 0..1, while sending. */
  progress: number;
  state: "queued" | "sending" | "done" | "refused";
  text: string | null;
};

/** Files sent at the same time: enough to overlap network and the server's checks on a two-core machine. */
const PARALLEL_UPLOADS = 2;

function send(file: File, onProgress: (fraction: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/media");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => resolve({ status: request.status, body: request.response as unknown });
    request.onerror = () => resolve({ status: 0, body: null });
    request.onabort = () => resolve({ status: 0, body: null });
    const form = new FormData();
    form.append("file", file, file.name);
    request.send(form);
  });
}

export function MediaUploader({ onUploaded, onBatchDone }: MediaUploaderProps) {
  const t = useTranslations("Media.uploader");
  const tRefusals = useTranslations("Media.refusals");
  const inputId = useId();
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const batch = useRef(0);

  const update = (key: string, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  async function uploadOne(file: File, key: string) {
    if (file.size > UPLOAD_LIMIT_BYTES) {
      update(key, { state: "refused", text: tRefusals("file.too_large", { file: file.name }) });
      return;
    }
    update(key, { state: "sending" });
    const { status, body } = await send(file, (progress) => update(key, { progress }));
    if (status >= 200 && status < 300 && body && typeof body === "object" && "id" in body) {
      const image = body as UploadedImage;
      update(key, {
        state: "done",
        progress: 1,
        text: image.created ? t("stored", { file: file.name }) : t("alreadyThere", { file: file.name }),
      });
      onUploaded?.(image);
      return;
    }
    const refusal = body && typeof body === "object" && "message" in body ? (body as UploadRefusal) : null;
    update(key, {
      state: "refused",
      text:
        refusal?.message ??
        (status === 413 ? tRefusals("file.too_large", { file: file.name }) : t("networkError", { file: file.name })),
    });
  }

  async function upload(files: readonly File[]) {
    if (files.length === 0) return;
    const prefix = `${++batch.current}-`;
    const queued = files.map((file, index) => ({ file, key: `${prefix}${index}` }));
    setRows((current) => [
      ...queued.map(({ file, key }) => ({
        key,
        fileName: file.name,
        progress: 0,
        state: "queued" as const,
        text: null,
      })),
      ...current,
    ]);
    let next = 0;
    const worker = async () => {
      while (next < queued.length) {
        const item = queued[next++]!;
        await uploadOne(item.file, item.key);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, queued.length) }, worker));
    onBatchDone?.();
  }

  return (
    <section aria-labelledby={`${inputId}-title`} className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id={`${inputId}-title`} className="mb-2 font-semibold">
        {t("title")}
      </h2>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void upload([...event.dataTransfer.files]);
        }}
        data-dragging={dragging || undefined}
        className="flex flex-col items-center gap-2 rounded-lg border-2 border-dashed border-gray-300 p-6 text-center text-sm text-gray-700 data-dragging:border-brand data-dragging:bg-brand-soft"
      >
        <p>{t("dropHere")}</p>
        <label className="cursor-pointer rounded bg-brand px-3 py-1 font-semibold text-white focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand">
          {t("choose")}
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            className="sr-only"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              // Cleared at once, so choosing the same files again uploads them again.
              event.target.value = "";
              void upload(files);
            }}
          />
        </label>
        <p className="text-xs text-gray-500">{t("accepted")}</p>
      </div>
      {rows.length > 0 ? (
        <ul className="mt-3 space-y-2 text-sm" aria-label={t("outcomes")} aria-live="polite">
          {rows.map((row) => (
            <li
              key={row.key}
              data-testid="upload-row"
              data-state={row.state}
              className="rounded border border-gray-200 p-2"
            >
              <div className="flex items-center gap-2">
                <bdi className="min-w-0 flex-1 truncate font-medium">{row.fileName}</bdi>
                {row.state === "queued" || row.state === "sending" ? (
                  <progress
                    max={1}
                    value={row.progress}
                    aria-label={t("progress", { file: row.fileName })}
                    className="w-40"
                  />
                ) : null}
              </div>
              {row.text ? (
                <p
                  role={row.state === "refused" ? "alert" : "status"}
                  className={row.state === "refused" ? "mt-1 text-red-800" : "mt-1 text-emerald-800"}
                >
                  {row.text}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
