import { afterEach, describe, expect, it } from "vitest";
import { readDbEnv } from "./env.ts";
import { createDatabaseProbe, type DatabaseProbe } from "./health.ts";

const probes: DatabaseProbe[] = [];
afterEach(async () => {
  await Promise.all(probes.splice(0).map((probe) => probe.close()));
});

describe("createDatabaseProbe", () => {
  it("says ok when the database answers", async () => {
    const probe = createDatabaseProbe(readDbEnv().testDatabaseUrl);
    probes.push(probe);
    expect(await probe.check()).toBe("ok");
    expect(await probe.check()).toBe("ok");
  });

  it("says why not, within its timeout, when nothing listens", async () => {
    const probe = createDatabaseProbe("postgresql://postgres@127.0.0.1:1/postgres", { timeoutMs: 500 });
    probes.push(probe);
    const started = Date.now();
    expect(await probe.check()).toMatch(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("times out on a server that accepts the connection and never answers", async () => {
    const { createServer } = await import("node:net");
    const silent = createServer(() => {}).listen(0, "127.0.0.1");
    await new Promise((resolve) => silent.once("listening", resolve));
    const port = (silent.address() as { port: number }).port;
    const probe = createDatabaseProbe(`postgresql://postgres@127.0.0.1:${port}/postgres`, { timeoutMs: 300 });
    probes.push(probe);
    const started = Date.now();
    expect(await probe.check()).toMatch(/timeout/i);
    expect(Date.now() - started).toBeLessThan(1_500);
    silent.close();
  });
});
