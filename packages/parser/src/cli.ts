// Command line: parse wire files and print a JSON array (--json) or a short human-readable summary per file.

import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { MAX_INPUT_BYTES } from "./limits.ts";
import { parseArticle } from "./parse-article.ts";
import type { ParseResult } from "./types.ts";
import { invocationDir } from "./env.ts";

const USAGE = `usage: parse [--json] <file>...

Parses Arabic, Russian and English wire articles. With --json, prints only a JSON array with one object per file:
  { "file", "ok", "article" | "error", "warnings" }
Exit code: 0 when every file parsed, 1 when any failed, 2 on a usage error.`;

type FileResult = { file: string } & ParseResult;

function resolveArgument(file: string): string {
  return resolve(invocationDir(), file);
}

function parseFile(file: string): FileResult {
  const path = resolveArgument(file);
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      return { file, ok: false, error: { code: "unreadable", message: `${file} is not a regular file` }, warnings: [] };
    }
    // Refuse before reading: a huge file should not be pulled into memory just to be rejected.
    if (stat.size > MAX_INPUT_BYTES) {
      return {
        file,
        ok: false,
        error: { code: "too_large", message: `${file} is ${stat.size} bytes, over the ${MAX_INPUT_BYTES}-byte limit` },
        warnings: [],
      };
    }
    bytes = readFileSync(path);
  } catch (cause) {
    const reason = cause instanceof Error && "code" in cause ? String(cause.code) : String(cause);
    return { file, ok: false, error: { code: "unreadable", message: `cannot read ${file}: ${reason}` }, warnings: [] };
  }
  return { file, ...parseArticle(bytes, { filename: file }) };
}

function formatJsonEntry(result: FileResult): Record<string, unknown> {
  if (result.ok) return { file: result.file, ok: true, article: result.article, warnings: result.warnings };
  return { file: result.file, ok: false, error: result.error, warnings: result.warnings };
}

function formatSummary(result: FileResult): string {
  const warnings = result.warnings.map((warning) => `  warning ${warning.code}: ${warning.message}`);
  if (!result.ok)
    return [`${result.file}: FAILED ${result.error.code}: ${result.error.message}`, ...warnings].join("\n");
  const { article } = result;
  const headings = article.blocks.filter((block) => block.type === "heading").length;
  const lines = [
    `${result.file}: ok`,
    `  title: ${article.title ?? `(none; provisional: ${article.provisionalTitle ?? "none"})`}`,
    `  published: ${article.publishedOn ?? "(unknown)"}`,
    `  blocks: ${article.blocks.length} (${headings} headings)`,
    `  photo: ${article.photoCredit ?? "-"} | source: ${article.source ?? "-"} | brand: ${article.brand ?? "-"}`,
  ];
  return [...lines, ...warnings].join("\n");
}

function main(argv: readonly string[]): number {
  let json = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of argv) {
    if (onlyFiles) files.push(arg);
    else if (arg === "--") onlyFiles = true;
    else if (arg === "--json") json = true;
    else if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith("-") && arg !== "-") {
      process.stderr.write(`unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(`no files given\n${USAGE}\n`);
    return 2;
  }
  const results = files.map(parseFile);
  if (json) process.stdout.write(`${JSON.stringify(results.map(formatJsonEntry), null, 2)}\n`);
  else process.stdout.write(`${results.map(formatSummary).join("\n\n")}\n`);
  return results.every((result) => result.ok) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
