// Every audit action the code base writes has a sentence in Arabic, Russian and English that formats: the audit log
// never falls back to a raw code. The codes are read from the source itself (`action: "…"` in TypeScript, the action
// column of `INSERT INTO audit_log` in SQL), so a new action without a sentence fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@minbar/i18n";
import { loadMessages } from "../../i18n/catalogues.ts";
import { sentenceKey } from "./audit-entry.tsx";

const ROOT = fileURLToPath(new URL("../../../../../", import.meta.url));
const CODE = /^[a-z]+\.[a-z_]+$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (["node_modules", "generated", ".next", "e2e", "test"].includes(name)) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.includes("fixtures") ? [path] : [];
  });
}

/** The audit action codes written anywhere in apps/*\/src and packages/*\/src. */
function writtenActionCodes(): { codes: Set<string>; templates: string[] } {
  const codes = new Set<string>();
  const templates: string[] = [];
  const roots = ["apps", "packages"].flatMap((top) =>
    readdirSync(join(ROOT, top)).map((name) => join(ROOT, top, name, "src")),
  );
  for (const file of roots
    .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    .flatMap(sourceFiles)) {
    const text = readFileSync(file, "utf8");
    // `action: "x.y"`, `action = cond ? "x.y" : "x.z"`: every literal of the expression.
    for (const match of text.matchAll(/\baction\s*[:=]\s*([^,;\n}]*)/g)) {
      const expression = match[1]!;
      for (const literal of expression.matchAll(/["'`]([^"'`]*)["'`]/g)) {
        if (CODE.test(literal[1]!)) codes.add(literal[1]!);
        else if (literal[1]!.includes("${") && /^[a-z]+\./.test(literal[1]!)) templates.push(`${file}: ${literal[0]}`);
      }
    }
    // SQL: the first quoted code after each INSERT INTO audit_log.
    for (const match of text.matchAll(/INSERT INTO audit_log[^]*?'([a-z]+\.[a-z_]+)'/g)) codes.add(match[1]!);
  }
  return { codes, templates };
}

describe("audit log sentences", () => {
  const { codes, templates } = writtenActionCodes();

  it("finds the codes written in TypeScript and in SQL", () => {
    // A few from each way of writing: writeAudit, auditLog.create, the workflow table, a ternary, raw SQL.
    for (const code of [
      "auth.sign_in",
      "article.preview_link",
      "article.approve",
      "user.enable",
      "article.publish_scheduled",
      "import.created",
      "names.source",
    ])
      expect(codes, code).toContain(code);
    expect(codes.size).toBeGreaterThan(25);
    expect(templates, "write audit actions as literals, so they can be checked").toEqual([]);
  });

  it.each(LOCALES)("has a sentence for every code in %s, naming who did it", async (locale) => {
    const messages = (await loadMessages(locale)) as { AuditEntries: Record<string, unknown> };
    const t = createTranslator({
      locale,
      messages,
      namespace: "AuditEntries",
      onError: (error) => {
        throw error;
      },
    });
    const missing = [...codes].filter((code) => sentenceKey(code, messages.AuditEntries) === null);
    expect(missing).toEqual([]);
    const tag = (name: string) => (chunks: string) => `[${name}:${chunks}]`;
    for (const code of codes) {
      const key = sentenceKey(code, messages.AuditEntries)!;
      const markup = t.markup as (key: string, values: Record<string, unknown>) => string;
      const sentence = markup(key, {
        name: "Layla Haddad",
        email: "layla@example.test",
        reason: "wrong_password",
        attempts: 3,
        scope: "account",
        number: 4,
        fileName: "wire-1.txt",
        outcome: "created",
        title: "Headline",
        userName: "Omar",
        roleName: "Proofreader",
        language: "English",
        recordName: "تاس",
        ...Object.fromEntries(
          ["who", "article", "user", "role", "file", "code", "record"].map((name) => [name, tag(name)]),
        ),
      });
      expect(sentence, code).not.toContain(code);
      expect(sentence, code).not.toMatch(/[{}<>]/);
      const byPerson =
        ![
          "article.publish_scheduled",
          "article.publish_changes_scheduled",
          "article.unpublish_scheduled",
          "auth.sign_in_failed",
          "auth.locked",
          // The scheduler's, with nobody signed in.
          "frontpage.publish_scheduled",
          "frontpage.schedule_superseded",
          "frontpage.pin_expired",
        ].includes(code) &&
        (!code.startsWith("import.") || code === "import.file");
      if (byPerson) expect(sentence, code).toContain("[who:Layla Haddad]");
    }
  });
});
