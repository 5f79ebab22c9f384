// The one setting that chooses where media is kept, read the same way by every process that stores or serves it:
// MEDIA_S3_BUCKET set means an S3-compatible store; otherwise a folder (MEDIA_DIR, or the data directory's media/).
import { z } from "zod";
import { S3MediaStorage } from "./s3-storage.ts";
import { FileSystemMediaStorage, type MediaStorage } from "./storage.ts";

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

/** The media variables as each app's environment schema spreads them in. */
export const mediaEnvShape = {
  /** Folder of the originals and renditions when no bucket is set. Default: `media` in the data directory. */
  MEDIA_DIR: optionalText,
  MEDIA_S3_BUCKET: optionalText,
  /** The store's address (MinIO, R2); unset: AWS S3 in MEDIA_S3_REGION. */
  MEDIA_S3_ENDPOINT: optionalText.pipe(z.url().optional()),
  MEDIA_S3_REGION: optionalText,
  MEDIA_S3_ACCESS_KEY_ID: optionalText,
  MEDIA_S3_SECRET_ACCESS_KEY: optionalText,
  MEDIA_S3_PREFIX: optionalText,
};

export type MediaEnv = { [K in keyof typeof mediaEnvShape]?: string | undefined };

/** A bucket without keys is refused at start, with the variable named, rather than at the first upload. */
export function mediaStorageFromEnv(env: MediaEnv, defaultDir: string): MediaStorage {
  if (!env.MEDIA_S3_BUCKET) return new FileSystemMediaStorage(env.MEDIA_DIR ?? defaultDir);
  const missing = (["MEDIA_S3_ACCESS_KEY_ID", "MEDIA_S3_SECRET_ACCESS_KEY"] as const).filter((name) => !env[name]);
  if (missing.length > 0)
    throw new Error(`MEDIA_S3_BUCKET is set, so ${missing.join(" and ")} must be set too (the store's keys)`);
  return new S3MediaStorage({
    bucket: env.MEDIA_S3_BUCKET,
    endpoint: env.MEDIA_S3_ENDPOINT,
    region: env.MEDIA_S3_REGION,
    accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY!,
    prefix: env.MEDIA_S3_PREFIX,
  });
}

/** Describes the choice for a start-up line, without the keys. */
export function describeMediaStorage(env: MediaEnv, defaultDir: string): string {
  return env.MEDIA_S3_BUCKET
    ? `S3 bucket ${env.MEDIA_S3_BUCKET}${env.MEDIA_S3_ENDPOINT ? ` at ${env.MEDIA_S3_ENDPOINT}` : ""}`
    : `folder ${env.MEDIA_DIR ?? defaultDir}`;
}
