// Finds or creates the source (agency) and photo-credit records an article cites: one record per name.
import { makeMatchKey as matchKeyOf, makeSlug, slugCandidates } from "@minbar/db/importing";
import type { Prisma } from "@minbar/db/client";
import { KNOWN_AGENCIES } from "./known-agencies.ts";
import { freeSlug } from "./free-slug.ts";

type Tx = Prisma.TransactionClient;

/**
 * `describe`, remembering its result per name: every article names its agency and credit, nearly always ones seen
 * before (a few hundred names in practice; all forgotten at once past a bound). Results are shared: read-only.
 */
function remembered<T>(describe: (name: string) => T): (name: string) => T {
  const memory = new Map<string, T>();
  return (name) => {
    let result = memory.get(name);
    if (result === undefined) {
      if (memory.size >= 10_000) memory.clear();
      result = describe(name);
      memory.set(name, result);
    }
    return result;
  };
}

const makeMatchKey = remembered(matchKeyOf);

const agencyByKey = new Map(
  KNOWN_AGENCIES.flatMap((agency) => agency.aliases.map((alias) => [makeMatchKey(alias), agency])),
);

/** What a new source record for `name` holds; matched on `matchKey`. */
export type SourceRecord = {
  matchKey: string;
  nameAr: string;
  nameRu: string | null;
  nameEn: string | null;
  /** A known agency has its own slug; another takes the first free of `slugCandidates`, else `fallbackSlug`. */
  slugCandidates: string[];
  fallbackSlug: string;
};

/** The one place that decides how a cited agency is matched and named; the SQL and the Prisma paths share it. */
export const describeSource = remembered(sourceRecordOf);

function sourceRecordOf(name: string): SourceRecord {
  const known = agencyByKey.get(makeMatchKey(name));
  if (known) {
    return {
      matchKey: makeMatchKey(known.nameAr),
      nameAr: known.nameAr,
      nameRu: known.nameRu,
      nameEn: known.nameEn,
      slugCandidates: [known.slug],
      // A known agency's slug is not negotiable: if someone else holds it, the import fails loudly.
      fallbackSlug: known.slug,
    };
  }
  const { candidates, fallback } = slugCandidates(makeSlug(name));
  return { matchKey: makeMatchKey(name), ...namesOf(name), slugCandidates: candidates, fallbackSlug: fallback };
}

/**
 * A new record's names from the one it was cited by: in its own language's column, and in the Arabic one, which
 * is required (the names screen lists it as missing its other names; an editor sets the Arabic there too).
 */
function namesOf(name: string): { nameAr: string; nameRu: string | null; nameEn: string | null } {
  const language = /\p{Script=Arabic}/u.test(name) ? "ar" : /\p{Script=Cyrillic}/u.test(name) ? "ru" : "en";
  return { nameAr: name, nameRu: language === "ru" ? name : null, nameEn: language === "en" ? name : null };
}

export type PhotoCreditRecord = { matchKey: string; nameAr: string; nameRu: string | null; nameEn: string | null };

export const describePhotoCredit = remembered((name: string): PhotoCreditRecord => ({
  matchKey: makeMatchKey(name),
  ...namesOf(name),
}));

/** The agency and credit an article cites, as names for WriteGate. */
export function attributionNames(article: { source: string | null; photoCredit: string | null }): string[] {
  return [
    ...(article.source ? [`source:${describeSource(article.source).matchKey}`] : []),
    ...(article.photoCredit ? [`credit:${describePhotoCredit(article.photoCredit).matchKey}`] : []),
  ];
}

export async function findOrCreateSource(tx: Tx, name: string): Promise<number> {
  const source = describeSource(name);
  const existing = await tx.source.findUnique({ where: { matchKey: source.matchKey }, select: { id: true } });
  if (existing) return existing.id;
  const slug = await freeSlug(source, async (candidates) =>
    (await tx.source.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((r) => r.slug),
  );
  const created = await tx.source.create({
    data: { slug, matchKey: source.matchKey, nameAr: source.nameAr, nameRu: source.nameRu, nameEn: source.nameEn },
    select: { id: true },
  });
  return created.id;
}

export async function findOrCreatePhotoCredit(tx: Tx, name: string): Promise<number> {
  const credit = describePhotoCredit(name);
  const existing = await tx.photoCredit.findUnique({ where: { matchKey: credit.matchKey }, select: { id: true } });
  if (existing) return existing.id;
  const created = await tx.photoCredit.create({ data: credit, select: { id: true } });
  return created.id;
}
