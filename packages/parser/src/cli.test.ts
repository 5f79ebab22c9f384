// The CLI as other tools use it: a child process printing only a JSON array, with meaningful exit codes.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SEED_FILES } from "../test/seeds.ts";
import { inheritedEnv } from "./env.ts";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const REPO_DIR = fileURLToPath(new URL("../../..", import.meta.url));
const seedPaths = Object.values(SEED_FILES).map((file) => `seeds/${file}`);

function runCli(args: string[], cwd = PACKAGE_DIR): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: PACKAGE_DIR,
    encoding: "utf8",
    env: inheritedEnv({ INIT_CWD: cwd }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type CliEntry = {
  file: string;
  ok: boolean;
  article?: { title: string | null; publishedOn: string | null; blocks: unknown[]; source: string | null };
  error?: { code: string; message: string };
  warnings: Array<{ code: string; message: string }>;
};

describe("cli", () => {
  it("`npm run -s parse -- --json` from the repository root prints only a JSON array and exits 0 on the seeds", () => {
    const result = spawnSync("npm", ["run", "-s", "parse", "--", "--json", ...seedPaths], {
      cwd: REPO_DIR,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const entries = JSON.parse(result.stdout) as CliEntry[];
    expect(entries.map((entry) => entry.file)).toEqual(seedPaths);
    expect(entries.every((entry) => entry.ok)).toBe(true);
    expect(entries.map((entry) => entry.article?.publishedOn)).toEqual([
      "2024-03-04",
      "2022-05-30",
      "2024-11-07",
      "2020-06-10",
      "2021-08-19",
    ]);
    expect(entries.map((entry) => entry.article?.blocks.length)).toEqual([8, 15, 7, 15, 10]);
    expect(entries[4]?.article?.title).toBeNull();
    expect(entries[4]?.warnings.map((warning) => warning.code)).toEqual(["missing_title", "date_from_body"]);
    expect(Object.keys(entries[0] ?? {})).toEqual(["file", "ok", "article", "warnings"]);
  }, 30_000);

  it("a bad, a missing and a directory argument fail with typed errors and exit 1, next to a good file", () => {
    const dir = mkdtempSync(join(tmpdir(), "parser-cli-"));
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    writeFileSync(join(dir, "good.txt"), "عنوان\n\n٣٠ مايو ٢٠٢٢\n\nفقرة.\n\nالمصدر: تاس");
    const result = runCli(["--json", "good.txt", "binary.txt", "missing.txt", "."], dir);
    expect(result.status).toBe(1);
    const entries = JSON.parse(result.stdout) as CliEntry[];
    expect(entries.map((entry) => [entry.file, entry.ok, entry.error?.code ?? null])).toEqual([
      ["good.txt", true, null],
      ["binary.txt", false, "binary"],
      ["missing.txt", false, "unreadable"],
      [".", false, "unreadable"],
    ]);
    expect(Object.keys(entries[1] ?? {})).toEqual(["file", "ok", "error", "warnings"]);
  }, 30_000);

  it("without --json prints a readable summary", () => {
    const result = runCli([`../../seeds/${SEED_FILES["004"]}`]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("published: 2021-08-19");
    expect(result.stdout).toContain("missing_title");
  }, 30_000);

  it("usage errors exit 2 and print nothing on stdout", () => {
    for (const args of [[], ["--json"], ["--bogus", "x.txt"]]) {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("usage");
    }
  }, 30_000);
});
