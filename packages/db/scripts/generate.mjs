// Runs `prisma generate` offline: the Prisma 7 CLI refuses to start without a native schema-engine binary it cannot
// download here, and generate never runs it, so any existing file will do (docs/decisions/0006-migrations-offline.md).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// eslint-disable-next-line no-restricted-properties -- the environment handed to `prisma generate` itself
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
