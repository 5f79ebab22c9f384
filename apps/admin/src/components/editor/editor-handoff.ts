// Passing an editor's state from /articles/new to /articles/{id}/ar when its first save creates the article. The two
// routes mount different trees, so React would start the editor afresh: the old one leaves here what is on screen
// (text, caret, focus, unsaved changes, its save in flight) and the new one takes it up.
import type { PmNode } from "./rich-text.ts";
import type { EditorError } from "./error-text.ts";

/** The editor's bookkeeping, shared by both editors so a save still in flight lands in the new one. */
export type EditorSession = {
  target: { localizationId: number; articleId: number } | null;
  version: number;
  /** The story's date as last saved (yyyy-mm-dd), so only a change is sent. */
  savedDate: string;
  dirty: boolean;
  saving: Promise<boolean> | null;
  /** The slug field was changed by hand since the last save: send it, so it stops following the title. */
  slugTouched: boolean;
};

export type EditorSnapshot = {
  fields: Record<string, string>;
  doc: PmNode;
  selection: { from: number; to: number };
  /** The field that had focus (data-field, or "body"), and the caret in it. */
  focus: { field: string; start: number | null; end: number | null } | null;
  error: EditorError | null;
};

type Handoff = { localizationId: number; session: EditorSession; snapshot: EditorSnapshot | null };

let pending: Handoff | null = null;

export function offerHandoff(localizationId: number, session: EditorSession): void {
  pending = { localizationId, session, snapshot: null };
}

/** Called by the leaving editor as it unmounts: what is on screen at the last moment. */
export function leaveSnapshot(localizationId: number, snapshot: EditorSnapshot): void {
  if (pending?.localizationId === localizationId) pending.snapshot = snapshot;
}

export function peekHandoff(localizationId: number | undefined): Handoff | null {
  return pending && pending.localizationId === localizationId ? pending : null;
}

export function takeHandoff(localizationId: number | undefined): Handoff | null {
  const found = peekHandoff(localizationId);
  if (found) pending = null;
  return found;
}

/** Which field has focus, and where its caret is, for putting it back after the move. */
export function focusedField(): EditorSnapshot["focus"] {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return null;
  if (active.closest(".ProseMirror")) return { field: "body", start: null, end: null };
  const field = active.dataset["field"];
  if (!field) return null;
  const input = active as HTMLInputElement | HTMLTextAreaElement;
  return { field, start: input.selectionStart ?? null, end: input.selectionEnd ?? null };
}
