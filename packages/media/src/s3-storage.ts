// Media storage in any S3-compatible object store (AWS S3, Cloudflare R2, MinIO), for sites run on several machines:
// the same interface as the data folder's, chosen at start by one setting.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { assertMediaKey, type MediaStorage } from "./storage.ts";

export type S3MediaStorageOptions = {
  bucket: string;
  /** The store's address (R2, MinIO); AWS S3's regional one when left out. */
  endpoint?: string;
  region?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Keys under this prefix, so one bucket can hold several sites' media. */
  prefix?: string;
};

export class S3MediaStorage implements MediaStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3MediaStorageOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ? `${options.prefix.replace(/\/+$/, "")}/` : "";
    this.client = new S3Client({
      region: options.region ?? "auto",
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      // Path-style addressing: R2 and MinIO want it, and an endpoint's host then needs no per-bucket name.
      forcePathStyle: options.endpoint !== undefined,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    });
  }

  private keyOf(key: string): string {
    assertMediaKey(key);
    return this.prefix + key;
  }

  async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
    // A PUT is whole or nothing in S3: no half-written object is ever visible.
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key), Body: data, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
  }

  async *list(prefix = ""): AsyncIterable<string> {
    let continuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: this.prefix + prefix,
          ...(continuationToken ? { ContinuationToken: continuationToken } : {}),
        }),
      );
      // S3 lists keys in UTF-8 byte order already, page after page.
      for (const object of page.Contents ?? []) {
        if (object.Key) yield object.Key.slice(this.prefix.length);
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  /** Closes the client's connections (tests, shutdown). */
  close(): void {
    this.client.destroy();
  }
}
