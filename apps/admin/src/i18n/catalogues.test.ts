// Every catalogue says the same things in Arabic, Russian and English: same keys, no empty strings, and the
// same {placeholders}, so no language shows a raw key or a hole.
import { describe, expect, it } from "vitest";
import { LOCALES } from "@minbar/i18n";
import { FEATURE_CATALOGUES, loadMessages } from "./catalogues.ts";

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value))
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) =>
  // `{name}` or `{name, plural|select …}`; a select branch's words (`{no such account}`) are not placeholders.
  [...text.matchAll(/\{(\w+)\s*[,}]/g)]
    .map((m) => m[1])
    .filter((name) => !["one", "few", "many", "other", "two", "zero"].includes(name!))
    .sort();

describe("admin message catalogues", () => {
  it("have the same keys and placeholders in every language", async () => {
    const [ar, ...others] = await Promise.all(LOCALES.map(async (locale) => leaves(await loadMessages(locale))));
    for (const other of others) expect([...other.keys()].sort()).toEqual([...ar!.keys()].sort());
    for (const [key, text] of ar!) {
      for (const other of others)
        expect(new Set(placeholders(other.get(key)!)), key).toEqual(new Set(placeholders(text)));
    }
    for (const catalogue of [ar, ...others])
      for (const [key, text] of catalogue!) expect(text.trim(), key).not.toBe("");
  });

  it("never define one namespace in two feature files", async () => {
    const seen = new Map<string, string>();
    for (const feature of ["core", ...FEATURE_CATALOGUES]) {
      const path = feature === "core" ? "../../messages/ar.json" : `../../messages/${feature}/ar.json`;
      const namespaces = Object.keys((await import(path)).default as object);
      for (const ns of namespaces) {
        expect(seen.get(ns), `${ns} in ${feature}`).toBeUndefined();
        seen.set(ns, feature);
      }
    }
  });
});
