// A word-level diff of two revisions' plain text (title, summary, body), for the history view.
import { diffWords } from "diff";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { plainTextOf, readBody } from "../blocks.ts";
import { EditorialNotFoundError, InvalidInputError, parseInput } from "./errors.ts";

export const diffRevisionsInput = z.object({ from: z.number().int().positive(), to: z.number().int().positive() });
export type DiffRevisionsInput = z.input<typeof diffRevisionsInput>;

export type DiffSegment = { kind: "added" | "removed" | "same"; text: string };

export type RevisionDiff = {
  localizationId: number;
  from: { id: number; number: number };
  to: { id: number; number: number };
  segments: DiffSegment[];
};

type RevisionText = { title: string | null; summary: string | null; body: unknown };

export function plainTextOfRevision(revision: RevisionText): string {
  return [revision.title, revision.summary, plainTextOf(readBody(revision.body))].filter((part) => part).join("\n\n");
}

/*
 * jsdiff's own tokenizer counts only Latin letters as word characters, so Arabic text would be diffed letter by
 * letter. Intl.Segmenter finds word boundaries in any script.
 */
export function diffPlainText(before: string, after: string, locale: string): DiffSegment[] {
  const changes = diffWords(before, after, { intlSegmenter: new Intl.Segmenter(locale, { granularity: "word" }) });
  const segments: DiffSegment[] = [];
  for (const change of changes) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const last = segments.at(-1);
    if (last && last.kind === kind) last.text += change.value;
    else if (change.value) segments.push({ kind, text: change.value });
  }
  return segments;
}

export async function diffRevisions(
  prisma: PrismaClient,
  actor: Actor | null,
  input: DiffRevisionsInput,
): Promise<RevisionDiff> {
  requirePermission(actor, "article.read");
  const { from, to } = parseInput(diffRevisionsInput, input);
  const rows = await prisma.revision.findMany({
    where: { id: { in: [from, to] } },
    include: { localization: { select: { locale: true } } },
  });
  const before = rows.find((row) => row.id === from);
  const after = rows.find((row) => row.id === to);
  if (!before) throw new EditorialNotFoundError("revision", from);
  if (!after) throw new EditorialNotFoundError("revision", to);
  if (before.localizationId !== after.localizationId) {
    throw new InvalidInputError([{ path: ["to"], message: "both revisions must belong to the same localization" }]);
  }
  return {
    localizationId: before.localizationId,
    from: { id: before.id, number: before.number },
    to: { id: after.id, number: after.number },
    segments: diffPlainText(plainTextOfRevision(before), plainTextOfRevision(after), before.localization.locale),
  };
}
