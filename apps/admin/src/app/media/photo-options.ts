// The choices the library's credit filter and the photo page's selects offer: every photo credit and agency.
import "server-only";
import { listAdminFilterOptions, listPhotoCredits } from "@minbar/db/editorial";
import type { Actor } from "@minbar/db/permissions";
import type { LocalizedNames } from "@minbar/i18n";
import { getDb } from "../../db.ts";

export type NamedOption = { id: number } & LocalizedNames;

/** Photo credits and agencies, by Arabic name, for anyone who may see the library (article.read). */
export async function photoOptions(actor: Actor): Promise<{ credits: NamedOption[]; sources: NamedOption[] }> {
  const prisma = getDb();
  const [credits, { sources }] = await Promise.all([
    listPhotoCredits(prisma, actor),
    listAdminFilterOptions(prisma, actor),
  ]);
  return { credits, sources };
}
