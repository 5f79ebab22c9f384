// Where originals and renditions are kept: one small interface, a folder of the data directory by default (so
// `npm start` needs nothing more); an S3-compatible store implements the same.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";

export interface MediaStorage {
  /** Stores `data` under `key`, whole or not at all. */
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null if nothing is stored under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** Removes `key`; removing a missing key is no error. */
  delete(key: string): Promise<void>;
  /** Every stored key (under `prefix`, a folder such as `originals/`), in byte order: for backups. */
  list(prefix?: string): AsyncIterable<string>;
}

/** Written beside the final file, then renamed: never a key of its own. */
const TEMPORARY_SUFFIX = /\.[0-9a-f]{12}\.tmp$/;

/** Keys are paths of plain names: `originals/abc.jpeg`, `renditions/KEY/w640.webp`. */
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;

export function assertMediaKey(key: string): void {
  if (!KEY.test(key) || key.split("/").some((part) => part === "." || part === "..") || key.length > 300) {
    throw new Error(`not a media key: ${JSON.stringify(key).slice(0, 80)}`);
  }
}

export class FileSystemMediaStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    assertMediaKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written beside, then renamed: a crash mid-write never leaves half a file under the key.
    const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`; // matches TEMPORARY_SUFFIX
    try {
      await writeFile(temporary, data);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(prefix = ""): AsyncIterable<string> {
    let entries;
    try {
      entries = await readdir(this.root, { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    const keys = entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(this.root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .filter((key) => key.startsWith(prefix) && !TEMPORARY_SUFFIX.test(key) && KEY.test(key))
      .sort(byteOrder);
    yield* keys;
  }
}

export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
