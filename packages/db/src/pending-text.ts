// The text of a localization as its editor holds it: a published text's pending changes when it has some. Apart from
// the editorial module so that the readers' preview (an entry of @minbar/db/public) can use it.
/** The text an editor works on: the pending changes of a published text when there are some, else the live text. */
export type EditingText = {
  title: string | null;
  summary: string | null;
  slug: string;
  body: unknown;
  photoAlt: string | null;
  photoCaption: string | null;
};

type PendingColumns = EditingText & {
  pendingSince: Date | null;
  pendingTitle: string | null;
  pendingSlug: string | null;
  pendingSummary: string | null;
  pendingBody: unknown;
  pendingPhotoAlt: string | null;
  pendingPhotoCaption: string | null;
};

export function editingText(row: PendingColumns): EditingText {
  if (row.pendingSince === null) return row;
  return {
    title: row.pendingTitle,
    summary: row.pendingSummary,
    slug: row.pendingSlug ?? row.slug,
    body: row.pendingBody ?? [],
    photoAlt: row.pendingPhotoAlt,
    photoCaption: row.pendingPhotoCaption,
  };
}
