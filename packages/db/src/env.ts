// The one place in @minbar/db that reads process.env: database URLs, the data folder and the embedded port.
import path from "node:path";
import { z } from "zod";

/** A postgresql:// (or postgres://) connection URL, as every reader of DATABASE_URL validates it. */
export const postgresUrl = z
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

/**
 * The variables `schema` names, read from `source` and validated; empty strings count as unset, so `FOO=` in a shell
 * means "default". Throws one line naming every problem, after `what`. Every package and app reads its environment
 * through this.
 */
export function parseEnv<Schema extends z.ZodObject>(
  schema: Schema,
  source: NodeJS.ProcessEnv,
  what: string,
): z.output<Schema> {
  const raw = Object.fromEntries(
    Object.keys(schema.shape).flatMap((name) => {
      const value = source[name];
      return value !== undefined && value.trim() !== "" ? [[name, value]] : [];
    }),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`${what}: ${problems}`);
  }
  return parsed.data;
}

/** Reads and validates the database environment (see parseEnv). */
export function readDbEnv(source: NodeJS.ProcessEnv = process.env): DbEnv {
  const env = parseEnv(envSchema, source, "Invalid database environment");
  return {
    databaseUrl: env.DATABASE_URL,
    testDatabaseUrl: env.TEST_DATABASE_URL,
    dataDir: env.MINBAR_DATA_DIR ? path.resolve(env.MINBAR_DATA_DIR) : null,
    embeddedDbPort: env.EMBEDDED_DB_PORT,
  };
}

/** A copy of this process's environment for a child process, with `extra` on top (undefined removes a variable). */
export function inheritedEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** Where the user typed the command: npm runs workspace scripts from the package folder and says so in INIT_CWD. */
export function invocationDir(): string {
  return process.env.INIT_CWD || process.cwd();
}

/** Prisma's own debug switch, honoured by the offline migration author. */
export function prismaDebug(): boolean {
  return process.env.DEBUG?.includes("prisma") ?? false;
}

/** The oldest Node.js major the project runs on (LTS with security fixes); `npm ci` brings it (the `node` package). */
export const SUPPORTED_NODE_MAJOR = 24;

/** Refuses to run a server on an older Node.js, saying how to get the supported one. Returns the running version. */
export function requireSupportedNode(version: string = process.version): string {
  const major = Number(/^v(\d+)\./.exec(version)?.[1]);
  if (!(major >= SUPPORTED_NODE_MAJOR))
    throw new Error(
      `Node.js ${version} is not supported: run through npm (npm start, npm run …), which uses the Node ${SUPPORTED_NODE_MAJOR} that npm ci installed`,
    );
  return version;
}
