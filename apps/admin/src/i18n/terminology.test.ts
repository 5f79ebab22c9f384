// One word, one thing: a revision (a saved state of a text) and the review step are never named alike on the same
// screen. Arabic once called both المراجعة; Russian called revisions and language editions both «версия».
import { describe, expect, it } from "vitest";
import type { Locale } from "@minbar/i18n";
import { loadMessages } from "./catalogues.ts";

function leaf(messages: Record<string, unknown>, key: string): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
  if (typeof value !== "string") throw new Error(`${key} is not a message`);
  return value;
}

/** Each language's word for a revision, the review step, and the other things a revision must not be called. */
const TERMS: Record<Locale, { revision: RegExp; review: RegExp; neverForRevisions: RegExp }> = {
  ar: { revision: /إصدار/, review: /مراجع/, neverForRevisions: /مراجع|نسخ/ },
  ru: { revision: /редакц/i, review: /провер/i, neverForRevisions: /провер|верси/i },
  en: { revision: /revision/i, review: /review/i, neverForRevisions: /review|version/i },
};

const REVISION_KEYS = [
  "Editor.revisions.title",
  "Editor.revisions.number",
  "Editor.revisions.restore",
  "Editor.diff.title",
  "EditorRevisions.selectorsHint",
  "EditorRevisions.restoredFrom",
  "EditorRevisions.confirmQuestion",
  "EditorRevisions.restored",
  "EditorRevisions.historyRestored",
];

const REVIEW_KEYS = ["Status.in_review", "Editor.workflow.moves.submit", "Editor.workflow.moves.withdraw"];

describe.each(Object.keys(TERMS) as Locale[])("%s catalogue", (locale) => {
  const terms = TERMS[locale];

  it("names revisions with the revision word only", async () => {
    const messages = await loadMessages(locale);
    for (const key of REVISION_KEYS) {
      const text = leaf(messages, key);
      expect(text, key).toMatch(terms.revision);
      expect(text, key).not.toMatch(terms.neverForRevisions);
    }
  });

  it("names the review step with the review word only", async () => {
    const messages = await loadMessages(locale);
    for (const key of REVIEW_KEYS) {
      const text = leaf(messages, key);
      expect(text, key).toMatch(terms.review);
      expect(text, key).not.toMatch(terms.revision);
    }
  });
});
