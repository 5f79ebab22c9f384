// Where local state lives (the embedded database, generated secrets) and the root `.env` that configures it. Kept
// apart from env.ts because looking for the repository root on disk makes Next's bundler trace the whole project into
// every app that imports it.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readDbEnv, type DbEnv } from "./env.ts";

/** MINBAR_DATA_DIR, or `.data` at the repository root. */
export function resolveDataDir(env: DbEnv = readDbEnv()): string {
  return env.dataDir ?? path.join(findRepoRoot(), ".data");
}

/** Where the embedded database (PGlite) keeps its files: `pglite` in the data folder. */
export function embeddedDataDir(env: DbEnv = readDbEnv()): string {
  return path.join(resolveDataDir(env), "pglite");
}

/**
 * Loads `.env` at the repository root, if there is one, into process.env; variables already set keep their value.
 * `npm start` and the commands run beside it (the importer's CLI) read the same file, so they agree on the database,
 * the data folder and the public site.
 */
export function loadRootEnvFile(): void {
  const file = path.join(findRepoRoot(), ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * Creates `dir` and its missing parents readable by their owner only, and narrows an existing `dir` to that: the data
 * folder holds the generated secrets and the embedded database's password and files.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** The secret kept in the data folder under `name` (see persistentSecret), or undefined when none was generated yet. */
export function storedSecret(dataDir: string, name: string): string | undefined {
  try {
    return readFileSync(path.join(dataDir, name), "utf8").trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** A secret generated once and kept in the data folder (readable by its owner only), so it survives restarts. */
export function persistentSecret(dataDir: string, name: string): string {
  const stored = storedSecret(dataDir, name);
  if (stored) return stored;
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(path.join(dataDir, name), `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Whether a process with this id exists (the owner of a lock or record file in the data folder). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The folder holding turbo.json, looked for from the working directory first (a Next app runs in apps/<name>)
 * and then from this file, so the default data folder is the same whichever workspace starts the process.
 */
export function findRepoRoot(): string {
  const starts = [process.cwd()];
  try {
    starts.push(path.dirname(fileURLToPath(import.meta.url)));
  } catch {
    // Bundlers may rewrite import.meta.url to something that is not a file URL; the working directory is enough.
  }
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      if (existsSync(path.join(dir, "turbo.json"))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error("Cannot find the repository root (no turbo.json above the working directory); set MINBAR_DATA_DIR");
}
