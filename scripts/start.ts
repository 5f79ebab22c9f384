// `npm start`: database (embedded unless DATABASE_URL is set), migrations, first admin, seed import, both apps.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPrismaClient } from "@minbar/db/client";
import { ensureFirstAdmin } from "@minbar/db/accounts";
import { applyMigrations } from "@minbar/db/migrate";
import { passwordFileFor, startEmbeddedPostgres } from "@minbar/db/embedded";
import { inheritedEnv, readDbEnv, requireSupportedNode } from "@minbar/db/env";
import {
  embeddedDataDir,
  ensurePrivateDir,
  loadRootEnvFile,
  persistentSecret,
  resolveDataDir,
} from "@minbar/db/local-data";
import { productionServerArgs } from "@minbar/production-server";
import { importPaths } from "@minbar/importer";
import { describeMediaStorage, mediaStorageFromEnv } from "@minbar/media/env";
import { localSiteTarget, recordRunningSite } from "@minbar/site-signal/local";
import { readStartEnv } from "./env.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
requireSupportedNode();
loadRootEnvFile();

const env = readStartEnv();

const dbEnv = readDbEnv();
const dataDir = resolveDataDir(dbEnv);
const log = (line: string) => console.log(`[minbar] ${line}`);

async function main() {
  ensurePrivateDir(dataDir);
  // PUBLIC_SITE_URL and REVALIDATE_SECRET (checked here, before anything starts), or this server's address and a
  // secret generated once.
  const site = localSiteTarget({ dataDir, defaultUrl: `http://localhost:${env.WEB_PORT}` });
  let databaseUrl = dbEnv.databaseUrl;
  let stopDatabase = async () => {};
  if (databaseUrl) {
    log(`using PostgreSQL from DATABASE_URL`);
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir(dbEnv), port: dbEnv.embeddedDbPort });
    databaseUrl = embedded.url;
    stopDatabase = embedded.stop;
    log(
      `embedded PostgreSQL (PGlite) on 127.0.0.1:${dbEnv.embeddedDbPort}, data in ${embeddedDataDir(dbEnv)}, ` +
        `password in ${passwordFileFor(embeddedDataDir(dbEnv))}`,
    );
  }

  const migrated = await applyMigrations({ url: databaseUrl, log });
  log(`migrations: ${migrated.applied.length} applied, ${migrated.alreadyApplied} already in place`);

  const prisma = createPrismaClient(databaseUrl);
  const admin = await ensureFirstAdmin(prisma, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
  const { counts } = await importPaths({ prisma, paths: [join(root, "seeds")] });
  log(
    `seeds: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`,
  );
  await prisma.$disconnect();

  if (env.SKIP_BUILD !== "1") {
    log("building the public site and the admin (production build)…");
    const build = spawnSync(
      "npx",
      ["turbo", "run", "build", "--filter=@minbar/web", "--filter=@minbar/admin", "--output-logs=errors-only"],
      {
        cwd: root,
        stdio: "inherit",
        env: inheritedEnv({ NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" }),
      },
    );
    if (build.status !== 0) throw new Error("the build failed (see above)");
  }

  const mediaDir = join(dataDir, "media");
  mediaStorageFromEnv(env, mediaDir);
  log(`photos: ${describeMediaStorage(env, mediaDir)}`);
  const appEnv = {
    ...inheritedEnv(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: env.AUTH_SECRET ?? persistentSecret(dataDir, "auth-secret"),
    REVALIDATE_SECRET: site.secret,
    // Both apps get the same value: the admin signs preview links with it, the public site checks them.
    PREVIEW_SECRET: env.PREVIEW_SECRET ?? persistentSecret(dataDir, "preview-secret"),
    PUBLIC_SITE_URL: site.siteUrl,
    // The same folder for both apps: the admin stores photos, the public site serves their renditions.
    ...(env.MEDIA_S3_BUCKET ? {} : { MEDIA_DIR: env.MEDIA_DIR ?? mediaDir }),
    ADMIN_SITE_URL: env.ADMIN_SITE_URL ?? `http://localhost:${env.ADMIN_PORT}`,
    // One JSON line per request would bury the addresses and the sign-in line printed below: a local start logs
    // warnings and errors unless LOG_LEVEL says otherwise (servers started any other way log requests, at info).
    LOG_LEVEL: env.LOG_LEVEL ?? "warn",
  };
  // Node itself, not npx or npm: a signal to those does not reach the server they started. The public site runs its
  // own server (Next.js behind a response cache, apps/web/server/serve.ts), the admin its own too (Next.js behind the
  // server that tells it the client's address, apps/admin/server/serve.ts).
  const startApp = (app: string, port: number) => {
    const appDir = join(root, "apps", app);
    return spawn(process.execPath, productionServerArgs(appDir, port, null), {
      cwd: appDir,
      stdio: "inherit",
      env: appEnv,
    });
  };
  const children: ChildProcess[] = [startApp("web", env.WEB_PORT), startApp("admin", env.ADMIN_PORT)];
  // So that `npm run import`, run beside this, finds the site to tell about what it imported.
  recordRunningSite({ dataDir, siteUrl: site.siteUrl });

  console.log(`
  Minbar is running.
    Public site:  http://localhost:${env.WEB_PORT}
    Admin:        http://localhost:${env.ADMIN_PORT}/login
  ${
    admin.created && admin.generatedPassword
      ? `First admin created. Sign in as ${admin.email} with the password ${admin.generatedPassword}\n    (shown only this once; set ADMIN_EMAIL and ADMIN_PASSWORD in .env to choose your own).`
      : admin.created
        ? `First admin created: sign in as ${admin.email} with ADMIN_PASSWORD.`
        : `Sign in as ${admin.email} (or another admin) with the password chosen when it was created.`
  }
  Stop with Ctrl+C.
`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    await stopDatabase();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  for (const child of children) child.on("exit", (code) => void stop(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(`[minbar] start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
