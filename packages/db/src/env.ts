// The one place in @minbar/db that reads process.env: database URLs, the data folder and the embedded port.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// URL");

const envSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  TEST_DATABASE_URL: postgresUrl.default("postgresql://postgres@127.0.0.1:5432/postgres"),
  MINBAR_DATA_DIR: z.string().trim().min(1).optional(),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
});

export type DbEnv = {
  /** The database every runtime process connects to over TCP; unset until `npm start` or the operator sets it. */
  databaseUrl: string | undefined;
  /** Admin URL of a real PostgreSQL server on which tests create and drop their own databases. */
  testDatabaseUrl: string;
  /** Absolute folder for local state (the embedded database lives in `<dataDir>/pglite`). */
  dataDir: string;
  embeddedDbPort: number;
};

/** Reads and validates the environment; empty strings count as unset so `FOO=` in a shell means "default". */
export function readDbEnv(source: NodeJS.ProcessEnv = process.env): DbEnv {
  const raw = Object.fromEntries(
    Object.entries({
      DATABASE_URL: source.DATABASE_URL,
      TEST_DATABASE_URL: source.TEST_DATABASE_URL,
      MINBAR_DATA_DIR: source.MINBAR_DATA_DIR,
      EMBEDDED_DB_PORT: source.EMBEDDED_DB_PORT,
    }).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid database environment: ${problems}`);
  }
  const env = parsed.data;
  return {
    databaseUrl: env.DATABASE_URL,
    testDatabaseUrl: env.TEST_DATABASE_URL,
    dataDir: env.MINBAR_DATA_DIR ? path.resolve(env.MINBAR_DATA_DIR) : path.join(findRepoRoot(), ".data"),
    embeddedDbPort: env.EMBEDDED_DB_PORT,
  };
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
