// The structured body of a localization: the parser's block model, validated wherever it is read or written.
import { z } from "zod";

export const blockSchema = z.object({
  type: z.enum(["paragraph", "heading"]),
  text: z.string(),
});

export const bodySchema = z.array(blockSchema);

export type ArticleBlock = z.infer<typeof blockSchema>;

/** Reads a stored body, dropping anything that is not a valid block rather than failing the page. */
export function readBody(value: unknown): ArticleBlock[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = blockSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export const warningSchema = z.object({ code: z.string(), message: z.string() });
export type StoredWarning = z.infer<typeof warningSchema>;

export function readWarnings(value: unknown): StoredWarning[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = warningSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The lead: the first paragraph, for listings. */
export function leadOf(blocks: ArticleBlock[]): string | null {
  return blocks.find((block) => block.type === "paragraph")?.text ?? null;
}
