// Finds or creates the source (agency) and photo-credit records an article cites: one record per name.
import { makeMatchKey, makeSlug, type Prisma } from "@minbar/db";
import { KNOWN_AGENCIES } from "./known-agencies.ts";

type Tx = Prisma.TransactionClient;

const agencyByKey = new Map(KNOWN_AGENCIES.flatMap((agency) => agency.aliases.map((alias) => [makeMatchKey(alias), agency])));

export async function findOrCreateSource(tx: Tx, name: string): Promise<number> {
  const known = agencyByKey.get(makeMatchKey(name));
  const matchKey = makeMatchKey(known?.nameAr ?? name);
  const existing = await tx.source.findUnique({ where: { matchKey }, select: { id: true } });
  if (existing) return existing.id;
  const slug = known?.slug ?? (await freeSourceSlug(tx, makeSlug(name)));
  const created = await tx.source.create({
    data: known
      ? { slug, matchKey, nameAr: known.nameAr, nameRu: known.nameRu, nameEn: known.nameEn }
      : { slug, matchKey, nameAr: name },
    select: { id: true },
  });
  return created.id;
}

async function freeSourceSlug(tx: Tx, base: string): Promise<string> {
  const taken = await tx.source.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFree(base, new Set(taken.map((row) => row.slug)));
}

export async function findOrCreatePhotoCredit(tx: Tx, name: string): Promise<number> {
  const matchKey = makeMatchKey(name);
  const existing = await tx.photoCredit.findUnique({ where: { matchKey }, select: { id: true } });
  if (existing) return existing.id;
  const created = await tx.photoCredit.create({ data: { matchKey, nameAr: name }, select: { id: true } });
  return created.id;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function firstFree(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
