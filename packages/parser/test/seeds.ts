// Test helper: the five seed wire files, read from the repository's seeds folder.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SEEDS_DIR = fileURLToPath(new URL("../../../seeds/", import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL("./fixtures/", import.meta.url));

export const SEED_FILES = {
  "000": "000_b2cb0b8d8c1ae332.txt",
  "001": "001_0ce88e2ff8de07cd.txt",
  "002": "002_70140ed69b948bf5.txt",
  "003": "003_4e6543f8068373a9.txt",
  "004": "004_5ac56e579cbf584c.txt",
} as const;

export type SeedId = keyof typeof SEED_FILES;

export function readSeedBytes(id: SeedId): Buffer {
  return readFileSync(SEEDS_DIR + SEED_FILES[id]);
}

export function readSeedText(id: SeedId): string {
  return readSeedBytes(id).toString("utf8");
}
