// The editor announces each save on the window, so panels beside it (the revision list) follow without a reload
// and without the editor knowing about them.
const SAVED = "minbar:text-saved";

export type SavedDetail = { localizationId: number; version: number };

export function announceSaved(detail: SavedDetail): void {
  window.dispatchEvent(new CustomEvent<SavedDetail>(SAVED, { detail }));
}

/** Calls `listener` after each save; returns the function that stops listening. */
export function onSaved(listener: (detail: SavedDetail) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<SavedDetail>).detail);
  window.addEventListener(SAVED, handle);
  return () => window.removeEventListener(SAVED, handle);
}
