// The section a run files its new articles under: named on the command line by any edition's slug, or chosen by id
// on the admin's import page. Looked up before any file is read, so a wrong name imports nothing.
import type { PrismaClient } from "@minbar/db/client";

/** No active section answers to what the run named; `known` lists the slugs that would. */
export class UnknownSectionError extends Error {
  constructor(
    readonly asked: string,
    readonly known: string[],
  ) {
    super(`no active section "${asked}"; sections: ${known.join(", ") || "none"}`);
    this.name = "UnknownSectionError";
  }
}

/** The id of the active section with this slug in any language (news, novosti, أخبار), or UnknownSectionError. */
export async function findImportSection(prisma: PrismaClient, asked: string | number): Promise<number> {
  const slug = typeof asked === "string" ? asked.trim() : null;
  const found = await prisma.section.findFirst({
    where: {
      retiredAt: null,
      ...(slug === null ? { id: asked as number } : { OR: [{ slugAr: slug }, { slugRu: slug }, { slugEn: slug }] }),
    },
    select: { id: true },
  });
  if (found) return found.id;
  const known = await prisma.section.findMany({
    where: { retiredAt: null },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { slugEn: true },
  });
  throw new UnknownSectionError(
    String(asked),
    known.map((s) => s.slugEn),
  );
}
