// The many-machines shape on one machine (docs/decisions/0039): Varnish in front of N public-site instances and M
// admin instances, each a production server of its own (started as the suites start them, @minbar/e2e), all on
// one PostgreSQL and one Redis.
import { fileURLToPath } from "node:url";
import { startProductionServer, type ExtraServer } from "@minbar/e2e";
import { startVarnish, type RunningVarnish } from "./varnish.ts";

export const WEB_DIR = fileURLToPath(new URL("../../../apps/web", import.meta.url));
export const ADMIN_DIR = fileURLToPath(new URL("../../../apps/admin", import.meta.url));

export type ClusterOptions = {
  databaseUrl: string;
  redisUrl: string;
  ports: { varnish: number; web: readonly number[]; admin: readonly number[] };
  /** AUTH_SECRET (shared by the admins: a session from one is good on the other), REVALIDATE_SECRET, PREVIEW_SECRET. */
  secrets: { auth: string; revalidate: string; preview: string };
  /** Anything else every instance gets (MEDIA_DIR, LOG_LEVEL, METRICS_TOKEN…). */
  env?: Record<string, string>;
  varnishMemoryMb?: number;
};

export type Cluster = {
  /** Where readers go (and where the admins send their signals): Varnish. */
  site: string;
  varnish: RunningVarnish;
  web: ExtraServer[];
  admin: ExtraServer[];
  /** Starts public-site instance `index` again on its port (after a stop or a kill). */
  restartWeb(index: number): Promise<ExtraServer>;
  /** Starts admin instance `index` again on its port (after a stop or a kill). */
  restartAdmin(index: number): Promise<ExtraServer>;
  stop(): Promise<void>;
};

/**
 * Starts Varnish, then the public-site instances, then the admins; resolves once each answers. A failure part-way
 * stops what was started.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { ports, secrets } = options;
  // localhost, not 127.0.0.1, in addresses pages are built from: next-intl's proxy loops on a 127.0.0.1 host
  // (vercel/next.js#94342). Purges go to 127.0.0.1, which the VCL's ACL names.
  const site = `http://localhost:${ports.varnish}`;
  const shared = {
    DATABASE_URL: options.databaseUrl,
    PUBLIC_SITE_URL: site,
    REVALIDATE_SECRET: secrets.revalidate,
    PREVIEW_SECRET: secrets.preview,
    ...options.env,
  };
  const webEnv = {
    ...shared,
    REDIS_URL: options.redisUrl,
    // Varnish is the response cache here; each instance's own would miss the other instances' purges.
    FRONT_CACHE_MB: "0",
    VARNISH_PURGE_URLS: `http://127.0.0.1:${ports.varnish}`,
  };
  const started: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
  };
  try {
    const varnish = await startVarnish({
      port: ports.varnish,
      instances: ports.web.map((port) => ({ host: "127.0.0.1", port })),
      memoryMb: options.varnishMemoryMb,
    });
    started.push(varnish);
    const startWeb = (port: number) => startProductionServer(WEB_DIR, webEnv, "/api/health", port);
    const web: ExtraServer[] = [];
    for (const port of ports.web) {
      const instance = await startWeb(port);
      web.push(instance);
      started.push(instance);
    }
    const startAdmin = (port: number) =>
      startProductionServer(
        ADMIN_DIR,
        { ...shared, AUTH_SECRET: secrets.auth, ADMIN_SITE_URL: `http://localhost:${port}` },
        "/login",
        port,
      );
    const admin: ExtraServer[] = [];
    for (const port of ports.admin) {
      const instance = await startAdmin(port);
      admin.push(instance);
      started.push(instance);
    }
    return {
      site,
      varnish,
      web,
      admin,
      async restartWeb(index) {
        await web[index]!.stop();
        const restarted = await startWeb(ports.web[index]!);
        web[index] = restarted;
        return restarted;
      },
      async restartAdmin(index) {
        await admin[index]!.stop();
        const restarted = await startAdmin(ports.admin[index]!);
        admin[index] = restarted;
        return restarted;
      },
      async stop() {
        for (const instance of admin) await instance.stop();
        for (const instance of web) await instance.stop();
        await varnish.stop();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
