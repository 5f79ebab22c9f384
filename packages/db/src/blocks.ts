// The structured body of a localization: the parser's block model, validated wherever it is read or written.
import { z } from "zod";

/*
 * Every block carries its plain `text`, so `{ type, text }` from the parser stays valid as is and a renderer that
 * only knows paragraphs and headings still shows all the words. What the admin's editor adds is optional on top:
 * quotes, list items (consecutive items with the same `ordered` form one list) and links as ranges of `text`.
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

export const blockSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("paragraph"), text: z.string(), links }),
    z.object({ type: z.literal("heading"), text: z.string() }),
    z.object({ type: z.literal("quote"), text: z.string(), links, cite: z.string().max(500).optional() }),
    z.object({ type: z.literal("list_item"), text: z.string(), links, ordered: z.boolean().optional() }),
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

/** The lead: the first paragraph, for listings. */
export function leadOf(blocks: ArticleBlock[]): string | null {
  return blocks.find((block) => block.type === "paragraph")?.text ?? null;
}

/** The body as plain text, one block a paragraph: for diffs and anything else that wants words, not markup. */
export function plainTextOf(blocks: ArticleBlock[]): string {
  return blocks.map((block) => block.text).join("\n\n");
}
