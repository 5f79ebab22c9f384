// Where this app reads (and the admin writes) photos: the one storage MEDIA_S3_BUCKET or MEDIA_DIR chooses, made
// once per process. The production server sets MEDIA_DIR to the data folder's media/ when it is unset (server/serve.ts:
// finding that folder here would make Next's bundler trace the whole repository).
import "server-only";
import { mediaStorageFromEnv, type MediaStorage } from "@minbar/media";
import { getEnv } from "../env.ts";

let storage: MediaStorage | undefined;

export function getMediaStorage(): MediaStorage {
  if (storage) return storage;
  const env = getEnv();
  if (!env.MEDIA_DIR && !env.MEDIA_S3_BUCKET)
    throw new Error("Neither MEDIA_DIR nor MEDIA_S3_BUCKET is set: start the app with its server (server/serve.ts)");
  storage = mediaStorageFromEnv(env, env.MEDIA_DIR ?? "");
  return storage;
}
