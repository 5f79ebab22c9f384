// `npm run cluster`: the many-machines shape on this machine, against DATABASE_URL and REDIS_URL: Varnish on
// VARNISH_PORT (8080) in front of two public-site instances, and two admin instances, all production builds (built
// first when missing). Prints every address; Ctrl+C stops everything.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureFirstAdmin } from "@minbar/db/accounts";
import { createPrismaClient } from "@minbar/db/client";
import { inheritedEnv, requireSupportedNode } from "@minbar/db/env";
import {
  ensurePrivateDir,
  findRepoRoot,
  loadRootEnvFile,
  persistentSecret,
  resolveDataDir,
} from "@minbar/db/local-data";
import { applyMigrations } from "@minbar/db/migrate";
import { importPaths } from "@minbar/importer";
import { ADMIN_DIR, startCluster, WEB_DIR } from "./cluster.ts";
import { readClusterEnv } from "./env.ts";
import { ensureVarnish } from "./varnish.ts";

const log = (line: string) => console.log(`[cluster] ${line}`);

async function main(): Promise<void> {
  requireSupportedNode();
  loadRootEnvFile();
  const env = readClusterEnv();
  ensureVarnish("npm run cluster");
  const root = findRepoRoot();
  const dataDir = resolveDataDir();
  ensurePrivateDir(dataDir);

  const migrated = await applyMigrations({ url: env.DATABASE_URL, log });
  log(`migrations: ${migrated.applied.length} applied, ${migrated.alreadyApplied} already in place`);
  const prisma = createPrismaClient(env.DATABASE_URL);
  const admin = await ensureFirstAdmin(prisma, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
  const { counts } = await importPaths({ prisma, paths: [join(root, "seeds")] });
  log(`seeds: ${counts.created} created, ${counts.unchanged} unchanged, ${counts.failed} failed`);
  await prisma.$disconnect();

  const missing = [WEB_DIR, ADMIN_DIR].some((dir) => !existsSync(join(dir, ".next", "BUILD_ID")));
  if (missing && env.SKIP_BUILD !== "1") {
    log("building the public site and the admin (production build)…");
    const build = spawnSync(
      "npx",
      ["turbo", "run", "build", "--filter=@minbar/web", "--filter=@minbar/admin", "--output-logs=errors-only"],
      { cwd: root, stdio: "inherit", env: inheritedEnv({ NEXT_TELEMETRY_DISABLED: "1" }) },
    );
    if (build.status !== 0) throw new Error("the build failed (see above)");
  }

  const web = [env.CLUSTER_WEB_PORT, env.CLUSTER_WEB_PORT + 1];
  const admins = [env.CLUSTER_ADMIN_PORT, env.CLUSTER_ADMIN_PORT + 1];
  log("starting Varnish, two public-site instances and two admin instances…");
  const cluster = await startCluster({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    ports: { varnish: env.VARNISH_PORT, web, admin: admins },
    secrets: {
      auth: env.AUTH_SECRET ?? persistentSecret(dataDir, "auth-secret"),
      revalidate: env.REVALIDATE_SECRET ?? persistentSecret(dataDir, "revalidate-secret"),
      preview: env.PREVIEW_SECRET ?? persistentSecret(dataDir, "preview-secret"),
    },
    env: { MEDIA_DIR: join(dataDir, "media"), LOG_LEVEL: env.LOG_LEVEL ?? "warn" },
  });

  console.log(`
  The Minbar cluster is running.
    Public site (Varnish):   ${cluster.site}
    Public-site instances:   ${cluster.web.map((server) => server.origin).join("  ")}
    Admin instances:         ${cluster.admin.map((server) => `${server.origin}/login`).join("  ")}
  ${admin.created && admin.generatedPassword ? `First admin created: ${admin.email}, password ${admin.generatedPassword} (shown once).` : `Sign in as ${admin.email} (or another account).`}
  Stop with Ctrl+C.
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    await cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
