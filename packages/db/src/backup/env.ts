// The one place the backup commands read process.env: the site's media store (the same variables as the apps) and
// the keys of an S3-compatible store named by `--to s3://…` / `--from s3://…` (BACKUP_S3_*, else the media's own).
import { mediaEnvShape, S3MediaStorage } from "@minbar/media";
import { z } from "zod";
import { parseEnv } from "../env.ts";

const optionalText = mediaEnvShape.MEDIA_S3_BUCKET;

const backupEnvSchema = z.object({
  ...mediaEnvShape,
  BACKUP_S3_ENDPOINT: mediaEnvShape.MEDIA_S3_ENDPOINT,
  BACKUP_S3_REGION: optionalText,
  BACKUP_S3_ACCESS_KEY_ID: optionalText,
  BACKUP_S3_SECRET_ACCESS_KEY: optionalText,
});

export type BackupEnv = z.output<typeof backupEnvSchema>;

export function readBackupEnv(source: NodeJS.ProcessEnv = process.env): BackupEnv {
  return parseEnv(backupEnvSchema, source, "Invalid backup environment");
}

/** `s3://bucket/prefix` as a store, with the backup keys (or the media's when those are unset). */
export function s3BackupStore(location: string, env: BackupEnv): S3MediaStorage {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(location);
  if (!match) throw new Error(`not an s3://bucket/prefix address: ${location}`);
  const accessKeyId = env.BACKUP_S3_ACCESS_KEY_ID ?? env.MEDIA_S3_ACCESS_KEY_ID;
  const secretAccessKey = env.BACKUP_S3_SECRET_ACCESS_KEY ?? env.MEDIA_S3_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(`${location} needs BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY (the store's keys)`);
  }
  return new S3MediaStorage({
    bucket: match[1]!,
    prefix: match[2] || undefined,
    endpoint: env.BACKUP_S3_ENDPOINT ?? env.MEDIA_S3_ENDPOINT,
    region: env.BACKUP_S3_REGION ?? env.MEDIA_S3_REGION,
    accessKeyId,
    secretAccessKey,
  });
}
