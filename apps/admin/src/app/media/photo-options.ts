// The choices the library's credit filter and the photo page's selects offer: every photo credit and agency.
import "server-only";
import { listAdminFilterOptions } from "@minbar/db/editorial";
import { requirePermission, type Actor } from "@minbar/db/permissions";
import type { LocalizedNames } from "@minbar/i18n";
import { getDb } from "../../db.ts";

export type NamedOption = { id: number } & LocalizedNames;

/**
 * Photo credits and agencies, by Arabic name, for anyone who may see the library (article.read). @minbar/db lists
 * credits only with names.manage (listNames), which writers lack; this read belongs beside listAdminFilterOptions.
 */
export async function photoOptions(actor: Actor): Promise<{ credits: NamedOption[]; sources: NamedOption[] }> {
  requirePermission(actor, "article.read");
  const prisma = getDb();
  const [credits, { sources }] = await Promise.all([
    prisma.photoCredit.findMany({
      select: { id: true, nameAr: true, nameRu: true, nameEn: true },
      orderBy: [{ nameAr: "asc" }, { id: "asc" }],
    }),
    listAdminFilterOptions(prisma, actor),
  ]);
  return { credits, sources };
}
