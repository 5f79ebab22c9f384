// The revalidation secret's rule, which the public site, the admin, npm start and npm run import all apply.
import { describe, expect, it } from "vitest";
import { readSiteEnv } from "./env.ts";
import { localSiteTarget } from "./local-site.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

describe("REVALIDATE_SECRET", () => {
  it("needs at least 32 characters, said in one line", () => {
    expect(() => readSiteEnv({ REVALIDATE_SECRET: "x".repeat(31) })).toThrow(
      /^Invalid environment for the public site's address: REVALIDATE_SECRET: must be at least 32 characters/,
    );
    expect(() => readSiteEnv({ REVALIDATE_SECRET: "sixteen-chars-ok" })).toThrow(/at least 32 characters/);
    expect(readSiteEnv({ REVALIDATE_SECRET: "x".repeat(32) }).revalidateSecret).toBe("x".repeat(32));
    expect(readSiteEnv({ REVALIDATE_SECRET: "" }).revalidateSecret).toBeUndefined();
  });

  it("is generated long enough when unset", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "minbar-site-env-"));
    try {
      const { secret } = localSiteTarget({
        dataDir,
        defaultUrl: "http://localhost:3000",
        env: { publicSiteUrl: undefined, revalidateSecret: undefined },
      });
      expect(readSiteEnv({ REVALIDATE_SECRET: secret }).revalidateSecret).toBe(secret);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
