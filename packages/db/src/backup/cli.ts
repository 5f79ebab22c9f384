// What `npm run backup` and `npm run restore` share: where the backup is, which database, which media store.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { FileSystemMediaStorage, mediaStorageFromEnv, type MediaStorage } from "@minbar/media";
import { runningEmbeddedUrl, startEmbeddedPostgres } from "../embedded-server.ts";
import { invocationDir, readDbEnv } from "../env.ts";
import { embeddedDataDir, loadRootEnvFile, resolveDataDir } from "../local-data.ts";
import { readBackupEnv, s3BackupStore } from "./env.ts";

export type Context = {
  /** The backup's place: a folder, or `s3://bucket/prefix`. */
  store: MediaStorage;
  /** The site's media store, as the apps configure it. */
  media: MediaStorage;
  databaseUrl: string;
  /** Stops the embedded database when this command started it, and closes S3 clients. */
  close(): Promise<void>;
  describeDatabase: string;
};

/**
 * The database: `--database-url`, else DATABASE_URL, else the embedded one `npm start` runs; when it is not
 * running, this command starts it on its folder for its own use (so the site may be stopped meanwhile).
 */
export async function openContext(
  location: string,
  databaseUrlArg: string | undefined,
  { createEmbedded }: { createEmbedded: boolean },
): Promise<Context> {
  loadRootEnvFile();
  const dbEnv = readDbEnv();
  const env = readBackupEnv();
  const store = location.startsWith("s3://")
    ? s3BackupStore(location, env)
    : new FileSystemMediaStorage(path.resolve(invocationDir(), location));
  const media = mediaStorageFromEnv(env, path.join(resolveDataDir(dbEnv), "media"));
  const closeStores = () => {
    for (const storage of [store, media])
      if ("close" in storage && typeof storage.close === "function") storage.close();
  };
  const given = databaseUrlArg ?? dbEnv.databaseUrl;
  if (given)
    return { store, media, databaseUrl: given, describeDatabase: redact(given), close: async () => closeStores() };
  const dataDir = embeddedDataDir(dbEnv);
  const running = runningEmbeddedUrl(dataDir);
  if (running) {
    return {
      store,
      media,
      databaseUrl: running,
      describeDatabase: `the embedded database of the running site (${dataDir})`,
      close: async () => closeStores(),
    };
  }
  if (!createEmbedded && !existsSync(dataDir)) {
    throw new Error(
      `no database: DATABASE_URL is not set and there is no embedded database in ${dataDir} (give --database-url)`,
    );
  }
  const embedded = await startEmbeddedPostgres({ dataDir, port: dbEnv.embeddedDbPort });
  return {
    store,
    media,
    databaseUrl: embedded.url,
    describeDatabase: `the embedded database in ${dataDir}`,
    async close() {
      closeStores();
      await embedded.stop();
    },
  };
}

/** The URL without its password, for output. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

export type CommandArgs = { location: string; databaseUrl: string | undefined; force: boolean };

/**
 * Parses `--<place> LOCATION [--database-url URL] [--force]`, opens the context, runs `work` (which returns the
 * summary line) and exits: 0 done, 1 failed (one line saying why), 2 a usage error.
 */
export function runCommand(command: {
  name: string;
  usage: string;
  place: "to" | "from";
  force: boolean;
  createEmbedded: boolean;
  prepare?: (args: CommandArgs) => Promise<void>;
  work: (context: Context, args: CommandArgs) => Promise<string>;
}): void {
  const main = async (): Promise<number> => {
    let values: Record<string, string | boolean | undefined>;
    try {
      ({ values } = parseArgs({
        options: {
          [command.place]: { type: "string" },
          "database-url": { type: "string" },
          ...(command.force ? { force: { type: "boolean" } } : {}),
        },
      }));
    } catch (error) {
      console.error(`${(error as Error).message}\n${command.usage}`);
      return 2;
    }
    const location = values[command.place];
    if (typeof location !== "string") {
      console.error(command.usage);
      return 2;
    }
    const databaseUrl = values["database-url"];
    const args = {
      location,
      databaseUrl: typeof databaseUrl === "string" ? databaseUrl : undefined,
      force: values.force === true,
    };
    await command.prepare?.(args);
    const context = await openContext(location, args.databaseUrl, { createEmbedded: command.createEmbedded });
    try {
      console.log(await command.work(context, args));
      return 0;
    } finally {
      await context.close();
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
