// The structured body of a localization: the parser's block model, validated wherever it is read or written.
import { z } from "zod";

export const blockSchema = z.object({
  type: z.enum(["paragraph", "heading"]),
  text: z.string(),
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
