// The structured body of a localization: the parser's block model, validated wherever it is read or written.
import { z } from "zod";

/*
 * Every block carries its plain `text`, so `{ type, text }` from the parser stays valid as is and a renderer that
 * only knows paragraphs and headings still shows all the words. What the admin's editor adds is optional on top:
 * quotes, list items (consecutive items with the same `ordered` form one list), links as ranges of `text`, and figures
 * (a library photo, whose `text` is the caption).
 */

/** Links are rendered into public pages, so only schemes that cannot run script are accepted. */
const SAFE_LINK_PROTOCOLS: ReadonlySet<string> = new Set(["http:", "https:", "mailto:"]);

export function isSafeLinkHref(href: string): boolean {
  try {
    return SAFE_LINK_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

/** A link over `text.slice(start, end)` (UTF-16 offsets, as JavaScript strings index). */
export const inlineLinkSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  href: z.string().max(2048).refine(isSafeLinkHref, "links must be http(s) or mailto URLs"),
});

export type InlineLink = z.infer<typeof inlineLinkSchema>;

const links = z.array(inlineLinkSchema).max(200).optional();

/*
 * Stable identity: `id` names a block across saves (given on first save, kept by the editor and by re-imports), so a
 * translation's block can name the original block it translates (`sourceId`) and a diff can pair a block with itself.
 */
const identity = {
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
  sourceId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
};

export const blockSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("paragraph"), text: z.string(), links, ...identity }),
    z.object({ type: z.literal("heading"), text: z.string(), ...identity }),
    z.object({
      type: z.literal("quote"),
      text: z.string(),
      links,
      cite: z.string().max(500).optional(),
      ...identity,
    }),
    z.object({ type: z.literal("list_item"), text: z.string(), links, ordered: z.boolean().optional(), ...identity }),
    // A photo of the media library; `text` is its caption in this text's language, `alt` and `credit` override the
    // image's own for this article.
    z.object({
      type: z.literal("figure"),
      text: z.string().max(2000),
      imageId: z.number().int().positive(),
      alt: z.string().max(1000).optional(),
      credit: z.string().max(300).optional(),
      ...identity,
    }),
  ])
  .superRefine((block, ctx) => {
    if (!("links" in block) || !block.links) return;
    let previousEnd = 0;
    for (const link of block.links) {
      // Sorted and non-overlapping, so a renderer can cut the text in one pass.
      if (link.start < previousEnd || link.end <= link.start || link.end > block.text.length) {
        ctx.addIssue({ code: "custom", message: "links must be ordered, non-overlapping ranges inside the text" });
        return;
      }
      previousEnd = link.end;
    }
  });

export const bodySchema = z.array(blockSchema);

export type ArticleBlock = z.infer<typeof blockSchema>;

/** Reads a stored JSON array, dropping any item that does not fit the schema rather than failing the page. */
function readArrayOf<T>(schema: z.ZodType<T>, value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export const readBody = (value: unknown): ArticleBlock[] => readArrayOf(blockSchema, value);

export const warningSchema = z.object({ code: z.string(), message: z.string() });
export type StoredWarning = z.infer<typeof warningSchema>;

export const readWarnings = (value: unknown): StoredWarning[] => readArrayOf(warningSchema, value);

/** The library images a body shows, in order, each once. */
export function figureImageIds(blocks: readonly ArticleBlock[]): number[] {
  return [...new Set(blocks.flatMap((block) => (block.type === "figure" ? [block.imageId] : [])))];
}

/** The lead: the first paragraph, for listings. */
export function leadOf(blocks: ArticleBlock[]): string | null {
  return blocks.find((block) => block.type === "paragraph")?.text ?? null;
}

/** The body as plain text, one block a paragraph: for diffs and anything else that wants words, not markup. */
export function plainTextOf(blocks: ArticleBlock[]): string {
  return blocks.map((block) => block.text).join("\n\n");
}

/** A new block id: short, URL-safe, random. */
export function newBlockId(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 12);
}

/** Every block with an id of its own: missing ones are made, and a repeated one (a pasted copy) is replaced. */
export function withBlockIds<T extends object>(blocks: readonly T[]): (T & { id: string })[] {
  const seen = new Set<string>();
  return blocks.map((block) => {
    const given = "id" in block && typeof block.id === "string" ? block.id : undefined;
    const id = given && !seen.has(given) ? given : newBlockId();
    seen.add(id);
    return { ...block, id };
  });
}

/**
 * A new text of the same body (a re-import) keeps the ids of the blocks it still has: an unchanged block by its text,
 * else the block at the same place of the same type; the rest get new ids.
 */
export function carryBlockIds<T extends { type: string; text: string }>(
  previous: readonly ArticleBlock[],
  next: readonly T[],
): (T & { id: string })[] {
  const byText = new Map<string, string>();
  for (const block of previous) if (block.id && !byText.has(block.text)) byText.set(block.text, block.id);
  const taken = new Set<string>();
  const first = next.map((block) => {
    const id = byText.get(block.text);
    if (id && !taken.has(id)) {
      taken.add(id);
      return id;
    }
    return undefined;
  });
  return withBlockIds(
    next.map((block, index) => {
      let id = first[index];
      const same = previous[index];
      if (!id && same?.id && same.type === block.type && !taken.has(same.id)) {
        id = same.id;
        taken.add(id);
      }
      return id ? { ...block, id } : { ...block };
    }),
  );
}

/** Whether two bodies read the same: same blocks' types and words (ids and links aside). */
export function sameText(a: readonly ArticleBlock[], b: readonly ArticleBlock[]): boolean {
  return (
    a.length === b.length && a.every((block, index) => block.type === b[index]!.type && block.text === b[index]!.text)
  );
}
