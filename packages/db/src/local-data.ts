// Where local state lives (the embedded database, generated secrets). Kept apart from env.ts because looking
// for the repository root on disk makes Next's bundler trace the whole project into every app that imports it.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readDbEnv, type DbEnv } from "./env";

/** MINBAR_DATA_DIR, or `.data` at the repository root. */
export function resolveDataDir(env: DbEnv = readDbEnv()): string {
  return env.dataDir ?? path.join(findRepoRoot(), ".data");
}

/** Where the embedded database (PGlite) keeps its files: `pglite` in the data folder. */
export function embeddedDataDir(env: DbEnv = readDbEnv()): string {
  return path.join(resolveDataDir(env), "pglite");
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
