// The one place in @minbar/db that reads process.env: database URLs, the data folder and the embedded port.
import path from "node:path";
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
  /** MINBAR_DATA_DIR made absolute, or null for the default (see `resolveDataDir` in local-data.ts). */
  dataDir: string | null;
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
    dataDir: env.MINBAR_DATA_DIR ? path.resolve(env.MINBAR_DATA_DIR) : null,
    embeddedDbPort: env.EMBEDDED_DB_PORT,
  };
}
