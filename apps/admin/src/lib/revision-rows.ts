// A revision as the revisions panel shows it: plain values a client component can receive, the time already written
// in the interface language.
import type { RevisionSummary } from "@minbar/db/editorial";

export type RevisionRow = {
  id: number;
  number: number;
  origin: RevisionSummary["origin"];
  applied: boolean;
  restoredFromNumber: number | null;
  author: string | null;
  at: string;
  when: string;
};

export function toRevisionRows(revisions: RevisionSummary[], when: (date: Date) => string): RevisionRow[] {
  return revisions.map((revision) => ({
    id: revision.id,
    number: revision.number,
    origin: revision.origin,
    applied: revision.applied,
    restoredFromNumber: revision.restoredFromNumber,
    author: revision.author?.name ?? null,
    at: revision.createdAt.toISOString(),
    when: when(revision.createdAt),
  }));
}
