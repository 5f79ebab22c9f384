// The shape of an arrangement's `layout` column, checked on every write and read: a lead story, up to TOP_SLOTS top
// stories (an empty position is null) and up to MAX_SECTION_ROWS section rows. A story slot may be pinned until a
// time, after which it is empty again and fills itself.
import { z } from "zod";

/** Positions in the top-stories list; those the editors leave empty fill themselves. */
export const TOP_SLOTS = 6;
export const MAX_SECTION_ROWS = 6;
/** Stories a section row shows. */
export const SECTION_ROW_SIZE = 4;

const id = z.number().int().positive().max(2_147_483_647);

export const storySlotSchema = z.strictObject({
  articleId: id,
  /** ISO time; null: stays until an editor changes it. */
  pinnedUntil: z.iso.datetime({ offset: true }).nullable(),
});

export const layoutSchema = z.strictObject({
  lead: storySlotSchema.nullable(),
  top: z.array(storySlotSchema.nullable()).max(TOP_SLOTS),
  sections: z
    .array(z.strictObject({ sectionId: id }))
    .max(MAX_SECTION_ROWS)
    .refine((rows) => new Set(rows.map((row) => row.sectionId)).size === rows.length, "a section appears twice"),
});

export type StorySlot = z.infer<typeof storySlotSchema>;
export type FrontPageLayout = z.infer<typeof layoutSchema>;

export const EMPTY_LAYOUT: FrontPageLayout = { lead: null, top: [], sections: [] };

/** A stored layout, or the empty one when the stored JSON is not one (never a 500 on the public site). */
export function readLayout(value: unknown): FrontPageLayout {
  const parsed = layoutSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_LAYOUT;
}

/** Whether the slot holds a story at `now`: a pin whose time has come empties it. */
export function slotHolds(slot: StorySlot | null, now: Date): slot is StorySlot {
  return slot !== null && (slot.pinnedUntil === null || new Date(slot.pinnedUntil).getTime() > now.getTime());
}

/** The layout with the pins that ended by `now` emptied; `changed` says whether any did. */
export function dropEndedPins(layout: FrontPageLayout, now: Date): { layout: FrontPageLayout; changed: boolean } {
  const keep = (slot: StorySlot | null) => (slotHolds(slot, now) ? slot : null);
  const next = { ...layout, lead: keep(layout.lead), top: layout.top.map(keep) };
  const changed = next.lead !== layout.lead || next.top.some((slot, index) => slot !== layout.top[index]);
  return { layout: next, changed };
}

/** Every story the layout names, each once. */
export function chosenArticleIds(layout: FrontPageLayout): number[] {
  return [...new Set([layout.lead, ...layout.top].flatMap((slot) => (slot ? [slot.articleId] : [])))];
}
