// The data folder and its generated secrets: readable by their owner only, whoever else uses the machine.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensurePrivateDir, persistentSecret } from "./local-data.ts";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "minbar-local-data-"));
  chmodSync(root, 0o755);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const mode = (file: string) => statSync(file).mode & 0o777;

it("creates the data folder and its missing parents with mode 0700", () => {
  const dataDir = path.join(root, "a", "b", ".data");
  ensurePrivateDir(dataDir);
  expect(mode(dataDir)).toBe(0o700);
  expect(mode(path.join(root, "a"))).toBe(0o700);
});

it("narrows an existing data folder (e.g. made by an earlier version) to mode 0700", () => {
  const dataDir = path.join(root, ".data");
  mkdirSync(dataDir, { mode: 0o755 });
  expect(mode(dataDir)).toBe(0o755);
  ensurePrivateDir(dataDir);
  expect(mode(dataDir)).toBe(0o700);
});

it("keeps each generated secret in a file of mode 0600, long enough for every secret's rule", () => {
  ensurePrivateDir(root);
  const secret = persistentSecret(root, "some-secret");
  expect(secret.length).toBeGreaterThanOrEqual(32);
  expect(mode(path.join(root, "some-secret"))).toBe(0o600);
  expect(persistentSecret(root, "some-secret")).toBe(secret);
});
