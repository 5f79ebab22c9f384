// The public site a local `npm start` serves, and its secret, so that a command run beside it (the importer's CLI)
// can tell it about changes without being configured: `npm start` records the site's address in the data folder while
// it runs, as the embedded database records its own in a lock file.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isProcessAlive, persistentSecret, storedSecret } from "@minbar/db/local-data";
import { readSiteEnv, type SiteEnv } from "./env.ts";
import type { SiteTarget } from "./signal-public-site.ts";

/** The generated REVALIDATE_SECRET, in the data folder. */
const SECRET_FILE = "revalidate-secret";
/** The record of the running public site, in the data folder; removed when the process that wrote it exits. */
const RECORD_FILE = "public-site.json";

const recordSchema = z.object({ pid: z.number().int().positive(), siteUrl: z.url() });

/**
 * The target `npm start` gives both apps: PUBLIC_SITE_URL, else `defaultUrl` (where it serves the site);
 * REVALIDATE_SECRET, else a secret generated once into the data folder.
 */
export function localSiteTarget({
  dataDir,
  defaultUrl,
  env = readSiteEnv(),
}: {
  dataDir: string;
  defaultUrl: string;
  env?: SiteEnv;
}): SiteTarget {
  return {
    siteUrl: env.publicSiteUrl ?? defaultUrl,
    secret: env.revalidateSecret ?? persistentSecret(dataDir, SECRET_FILE),
  };
}

/** Records, until this process exits, that it serves the public site at `siteUrl` (what findSiteTarget reads). */
export function recordRunningSite({ dataDir, siteUrl }: { dataDir: string; siteUrl: string }): void {
  const file = path.join(dataDir, RECORD_FILE);
  writeFileSync(file, JSON.stringify({ pid: process.pid, siteUrl, startedAt: new Date().toISOString() }));
  process.once("exit", () => {
    if (readRecord(file)?.pid === process.pid) rmSync(file, { force: true });
  });
}

export type FoundSiteTarget = { target: SiteTarget } | { target: null; reason: string };

/**
 * The public site a command should tell about changes: PUBLIC_SITE_URL and REVALIDATE_SECRET when set, otherwise
 * what the `npm start` running on this data folder uses (the address it recorded, the secret it generated). Without
 * either, no target and the reason.
 */
export function findSiteTarget({ dataDir, source }: { dataDir: string; source?: NodeJS.ProcessEnv }): FoundSiteTarget {
  try {
    const env = readSiteEnv(source);
    const siteUrl = env.publicSiteUrl ?? runningSiteUrl(dataDir);
    if (!siteUrl)
      return {
        target: null,
        reason: `PUBLIC_SITE_URL is not set and no \`npm start\` serves the site from ${dataDir}`,
      };
    const secret = env.revalidateSecret ?? storedSecret(dataDir, SECRET_FILE);
    if (!secret) return { target: null, reason: `REVALIDATE_SECRET is not set and ${dataDir} holds no generated one` };
    return { target: { siteUrl, secret } };
  } catch (error) {
    // An invalid variable, an unreadable secret file: the caller reports it rather than failing its own work.
    return { target: null, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The address recorded by a running `npm start`; undefined when there is no record or its process has gone. */
function runningSiteUrl(dataDir: string): string | undefined {
  const record = readRecord(path.join(dataDir, RECORD_FILE));
  return record && isProcessAlive(record.pid) ? record.siteUrl : undefined;
}

function readRecord(file: string): z.infer<typeof recordSchema> | undefined {
  try {
    return recordSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    // Missing, half-written or not ours: no running site.
    return undefined;
  }
}
