// Finds or creates the source (agency) and photo-credit records an article cites: one record per name.
import { makeMatchKey, makeSlug, type Prisma } from "@minbar/db";
import { KNOWN_AGENCIES } from "./known-agencies.ts";
import { freeSlug } from "./free-slug.ts";

type Tx = Prisma.TransactionClient;

const agencyByKey = new Map(KNOWN_AGENCIES.flatMap((agency) => agency.aliases.map((alias) => [makeMatchKey(alias), agency])));

export async function findOrCreateSource(tx: Tx, name: string): Promise<number> {
  const known = agencyByKey.get(makeMatchKey(name));
  const matchKey = makeMatchKey(known?.nameAr ?? name);
  const existing = await tx.source.findUnique({ where: { matchKey }, select: { id: true } });
  if (existing) return existing.id;
  const slug =
    known?.slug ??
    (await freeSlug(makeSlug(name), async (candidates) =>
      (await tx.source.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((r) => r.slug),
    ));
  const created = await tx.source.create({
    data: known
      ? { slug, matchKey, nameAr: known.nameAr, nameRu: known.nameRu, nameEn: known.nameEn }
      : { slug, matchKey, nameAr: name },
    select: { id: true },
  });
  return created.id;
}

export async function findOrCreatePhotoCredit(tx: Tx, name: string): Promise<number> {
  const matchKey = makeMatchKey(name);
  const existing = await tx.photoCredit.findUnique({ where: { matchKey }, select: { id: true } });
  if (existing) return existing.id;
  const created = await tx.photoCredit.create({ data: { matchKey, nameAr: name }, select: { id: true } });
  return created.id;
}
