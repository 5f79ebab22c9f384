// Finding the public site a local `npm start` serves: the environment first, then its record in the data folder,
// which lives exactly as long as the process that wrote it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findSiteTarget, localSiteTarget } from "./local-site.ts";

const SECRET = "a-secret-from-the-environment-0123456789";
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "minbar-site-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const record = (pid: number, siteUrl = "http://localhost:4567") =>
  writeFileSync(
    path.join(dataDir, "public-site.json"),
    JSON.stringify({ pid, siteUrl, startedAt: new Date().toISOString() }),
  );

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid ?? 0;
}

describe("localSiteTarget (what npm start gives the apps)", () => {
  it("takes the environment, else its own address and a secret generated once into the data folder", () => {
    const none = { publicSiteUrl: undefined, revalidateSecret: undefined };
    const first = localSiteTarget({ dataDir, defaultUrl: "http://localhost:3000", env: none });
    expect(first.siteUrl).toBe("http://localhost:3000");
    expect(first.secret).toMatch(/^[\w-]{40,}$/);
    expect(localSiteTarget({ dataDir, defaultUrl: "http://localhost:3000", env: none }).secret).toBe(first.secret);
    expect(
      localSiteTarget({
        dataDir,
        defaultUrl: "http://localhost:3000",
        env: { publicSiteUrl: "https://news.example", revalidateSecret: SECRET },
      }),
    ).toEqual({
      siteUrl: "https://news.example",
      secret: SECRET,
    });
  });
});

describe("findSiteTarget (what a command run beside it tells)", () => {
  it("uses PUBLIC_SITE_URL and REVALIDATE_SECRET when they are set", () => {
    record(process.pid);
    expect(
      findSiteTarget({ dataDir, source: { PUBLIC_SITE_URL: "http://localhost:3300", REVALIDATE_SECRET: SECRET } }),
    ).toEqual({
      target: { siteUrl: "http://localhost:3300", secret: SECRET },
    });
  });

  it("otherwise finds the running npm start's address and the secret it generated", () => {
    const { secret } = localSiteTarget({
      dataDir,
      defaultUrl: "http://localhost:4567",
      env: { publicSiteUrl: undefined, revalidateSecret: undefined },
    });
    record(process.pid);
    expect(findSiteTarget({ dataDir, source: { PUBLIC_SITE_URL: "", REVALIDATE_SECRET: "" } })).toEqual({
      target: { siteUrl: "http://localhost:4567", secret },
    });
  });

  it("says why there is none: no npm start running, no secret, an invalid variable", () => {
    localSiteTarget({
      dataDir,
      defaultUrl: "http://localhost:4567",
      env: { publicSiteUrl: undefined, revalidateSecret: undefined },
    });
    expect(findSiteTarget({ dataDir, source: {} })).toEqual({
      target: null,
      reason: expect.stringContaining("PUBLIC_SITE_URL is not set"),
    });
    record(deadPid());
    expect(findSiteTarget({ dataDir, source: {} })).toEqual({
      target: null,
      reason: expect.stringContaining("no `npm start` serves the site"),
    });
    rmSync(path.join(dataDir, "revalidate-secret"));
    expect(findSiteTarget({ dataDir, source: { PUBLIC_SITE_URL: "http://localhost:4567" } })).toEqual({
      target: null,
      reason: expect.stringContaining("REVALIDATE_SECRET is not set"),
    });
    expect(findSiteTarget({ dataDir, source: { PUBLIC_SITE_URL: "localhost" } })).toEqual({
      target: null,
      reason: expect.stringContaining("PUBLIC_SITE_URL"),
    });
  });

  it("forgets the address when the process that recorded it exits", () => {
    const localSite = fileURLToPath(new URL("./local-site.ts", import.meta.url));
    const record = path.join(dataDir, "public-site.json");
    const script = `const { recordRunningSite } = await import(${JSON.stringify(localSite)});
      const { existsSync } = await import("node:fs");
      recordRunningSite({ dataDir: ${JSON.stringify(dataDir)}, siteUrl: "http://localhost:4567" });
      console.log(existsSync(${JSON.stringify(record)}));`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(child.stderr).toBe("");
    expect(child.stdout.trim()).toBe("true");
    expect(existsSync(record)).toBe(false);
  });
});
