// Environment parsing and Prisma client construction: defaults, validation and the shared client.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { disconnectPrisma, getPrisma, splitConnectionLimit } from "../src/client.ts";
import { readDbEnv, requireSupportedNode } from "../src/env.ts";
import { resolveDataDir } from "../src/local-data.ts";
import { adminUrl } from "./helpers.ts";

describe("requireSupportedNode", () => {
  it("accepts Node 24 and later and refuses older ones, saying how to get 24", () => {
    expect(requireSupportedNode("v24.21.0")).toBe("v24.21.0");
    expect(requireSupportedNode("v26.0.0")).toBe("v26.0.0");
    expect(() => requireSupportedNode("v20.20.2")).toThrow(/Node\.js v20\.20\.2 is not supported.*npm ci/);
  });

  it("passes for the Node running the tests (npm ci's)", () => {
    expect(requireSupportedNode()).toMatch(/^v24\./);
  });
});

describe("readDbEnv", () => {
  it("fills in the documented defaults", () => {
    const env = readDbEnv({});
    expect(env.databaseUrl).toBeUndefined();
    expect(env.testDatabaseUrl).toBe("postgresql://postgres@127.0.0.1:5432/postgres");
    expect(env.embeddedDbPort).toBe(54329);
    expect(env.dataDir).toBeNull();
    const dataDir = resolveDataDir(env);
    expect(path.basename(dataDir)).toBe(".data");
    expect(existsSync(path.join(path.dirname(dataDir), "turbo.json"))).toBe(true);
  });

  it("reads the variables, treating empty ones as unset", () => {
    const env = readDbEnv({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:54329/postgres",
      TEST_DATABASE_URL: "",
      MINBAR_DATA_DIR: "/srv/minbar",
      EMBEDDED_DB_PORT: "6000",
    });
    expect(env).toMatchObject({
      databaseUrl: "postgresql://postgres@127.0.0.1:54329/postgres",
      testDatabaseUrl: "postgresql://postgres@127.0.0.1:5432/postgres",
      dataDir: "/srv/minbar",
      embeddedDbPort: 6000,
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => readDbEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(() => readDbEnv({ EMBEDDED_DB_PORT: "70000" })).toThrow(/EMBEDDED_DB_PORT/);
  });
});

describe("Prisma clients", () => {
  afterEach(async () => {
    await disconnectPrisma();
    vi.unstubAllEnvs();
  });

  it("takes the pool size from connection_limit and keeps it away from pg", () => {
    expect(splitConnectionLimit("postgresql://u@h:1/db?connection_limit=7&sslmode=disable")).toEqual({
      connectionString: "postgresql://u@h:1/db?sslmode=disable",
      poolSize: 7,
    });
    expect(splitConnectionLimit("postgresql://u@h:1/db").poolSize).toBe(5);
    expect(() => splitConnectionLimit("postgresql://u@h:1/db?connection_limit=0")).toThrow(/connection_limit/);
  });

  it("explains what to do when DATABASE_URL is unset", () => {
    vi.stubEnv("DATABASE_URL", "");
    expect(() => getPrisma()).toThrow(/DATABASE_URL is not set/);
  });

  it("shares one client per process and connects to DATABASE_URL", async () => {
    vi.stubEnv("DATABASE_URL", adminUrl);
    const prisma = getPrisma();
    expect(getPrisma()).toBe(prisma);
    expect(await prisma.$queryRaw`SELECT 1::int AS one`).toEqual([{ one: 1 }]);
  });
});
