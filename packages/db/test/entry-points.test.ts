// The package's entry points by audience: what each one loads. The public site's entry must never reach password
// hashing or the editorial use cases, whatever is added to the files it exports.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g;

/** Every file of this package and every outside package an entry reaches through its static imports. */
function closureOf(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT_RE)) {
      const specifier = match[1] ?? match[2] ?? "";
      if (/^import\s+type\s/.test(match[0].trim()) || /^export\s+type\s/.test(match[0].trim())) continue;
      if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(resolve(SRC, "entry", entry));
  return { files, packages };
}

const inside = (files: Set<string>) => [...files].map((file) => relative(SRC, file));

describe("entry points", () => {
  it("@minbar/db/public loads neither password hashing nor editorial or account code", () => {
    const { files, packages } = closureOf("public.ts");
    expect([...packages]).not.toContain("@node-rs/argon2");
    expect([...packages]).not.toContain("diff");
    expect(inside(files).filter((file) => /^(editorial|accounts)\/|^users\.ts$/.test(file))).toEqual([]);
  });

  it("@minbar/db/accounts does load password hashing (the check above can see it)", () => {
    expect([...closureOf("accounts.ts").packages]).toContain("@node-rs/argon2");
  });

  it("@minbar/db/client and /permissions stay small", () => {
    for (const entry of ["client.ts", "permissions.ts"]) {
      const { files, packages } = closureOf(entry);
      expect([...packages]).not.toContain("@node-rs/argon2");
      expect(inside(files).filter((file) => /^(editorial|accounts|queries)\//.test(file))).toEqual([]);
    }
  });
});
