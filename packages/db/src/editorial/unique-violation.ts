// Recognizes PostgreSQL unique violations by constraint, so a taken slug is reported as such and nothing else is.
import { z } from "zod";
import { Prisma } from "../generated/prisma/client.ts";

// With @prisma/adapter-pg the violated index is in the driver error's cause; the stock engine names the columns.
const adapterMeta = z.object({
  driverAdapterError: z.object({ cause: z.object({ constraint: z.object({ index: z.string() }) }) }),
});
const engineMeta = z.object({ target: z.union([z.string(), z.array(z.string())]) });

export const LOCALE_SLUG_CONSTRAINT = "article_localizations_locale_slug_key";

export function isUniqueViolation(error: unknown, constraint: string, columns: readonly string[]): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const adapter = adapterMeta.safeParse(error.meta);
  if (adapter.success) return adapter.data.driverAdapterError.cause.constraint.index === constraint;
  const engine = engineMeta.safeParse(error.meta);
  if (!engine.success) return false;
  const target = engine.data.target;
  return typeof target === "string" ? target === constraint : columns.every((column) => target.includes(column));
}

export const isSlugTaken = (error: unknown): boolean =>
  isUniqueViolation(error, LOCALE_SLUG_CONSTRAINT, ["locale", "slug"]);
