// Imports every wire file under the given files and folders, each on its own, and sums up what happened.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { PrismaClient } from "@minbar/db";
import { importFile, type ImportOutcome, type ImportResult } from "./import-file.ts";

export type ImportSummary = { results: ImportResult[]; counts: Record<ImportOutcome, number> };

export type ImportPathsInput = {
  prisma: PrismaClient;
  paths: string[];
  dryRun?: boolean;
  /** Files imported at once; each has its own transaction. */
  concurrency?: number;
  onResult?: (result: ImportResult) => void;
};

/** Expands folders into their `.txt` files (sorted by name); files named directly are taken whatever their extension. */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) missing.push(path);
    else if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith(".txt")).sort();
      files.push(...names.map((name) => join(path, name)));
    } else files.push(path);
  }
  return { files, missing };
}

export async function importPaths({ prisma, paths, dryRun = false, concurrency = 4, onResult }: ImportPathsInput): Promise<ImportSummary> {
  const { files, missing } = await collectFiles(paths);
  const results: ImportResult[] = [];
  const report = (result: ImportResult) => {
    results.push(result);
    onResult?.(result);
  };
  for (const path of missing) {
    report({ file: path, outcome: "failed", articleId: null, detail: "unreadable: no such file or folder", warnings: [] });
  }
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const path = files[next++] as string;
      const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => error);
      if (bytes instanceof Error) {
        report({ file: path, outcome: "failed", articleId: null, detail: `unreadable: ${bytes.code ?? bytes.message}`, warnings: [] });
        continue;
      }
      report(await importFile(prisma, { name: path, bytes }, { dryRun }));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, files.length)) }, worker));
  const counts: Record<ImportOutcome, number> = { created: 0, unchanged: 0, updated: 0, failed: 0 };
  for (const result of results) counts[result.outcome]++;
  return { results, counts };
}
