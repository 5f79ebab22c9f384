// Who wrote it, which agency it comes from, who took the photo: what every language of an article shares.
import { z } from "zod";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { makeMatchKey, makeSlug, slugCandidates } from "../slug.ts";
import { requireArticleAccess } from "./access.ts";
import { EditorialNotFoundError, InvalidInputError, parseInput } from "./errors.ts";
import { PUBLIC_STATUSES } from "./workflow.ts";

const name = z.string().trim().min(1).max(200);
const optionalName = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((value) => (value ? value : null));

const names = z.object({ nameAr: name, nameRu: optionalName, nameEn: optionalName });

export const saveAttributionInput = z.object({
  articleId: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  /** In order; a staff member by user id, or an outside contributor by name (reused when the name is known). */
  bylines: z
    .array(z.union([z.object({ userId: z.number().int().positive() }), z.object({ contributorName: name })]))
    .max(20),
  /** An existing source, a new one (needs attribution.manage), or none. */
  source: z.union([z.object({ id: z.number().int().positive() }), z.object({ create: names }), z.null()]),
  photoCredit: names.nullable(),
  leadPhotoUrl: z
    .string()
    .trim()
    .max(2048)
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || /^https?:\/\//i.test(value), "the photo must be an http(s) URL"),
  /** The lead photo from the media library, or none; left out: unchanged. */
  leadImageId: z.number().int().positive().nullable().optional(),
  /** The section it is filed under (an active one, or the one it is already in); left out: unchanged. */
  sectionId: z.number().int().positive().optional(),
});

export type SaveAttributionInput = z.input<typeof saveAttributionInput>;

export type SaveAttributionResult =
  | {
      status: "saved";
      version: number;
      affectsPublicSite: boolean;
      /** The section it left, when this save moved it: that section's pages must drop it too. */
      previousSectionId: number | null;
    }
  | { status: "conflict"; currentVersion: number };

type Tx = Prisma.TransactionClient;

export async function saveAttribution(
  prisma: PrismaClient,
  actor: Actor | null,
  input: SaveAttributionInput,
): Promise<SaveAttributionResult> {
  const data = parseInput(saveAttributionInput, input);
  const article = await prisma.article.findUnique({
    where: { id: data.articleId },
    select: {
      id: true,
      version: true,
      originalLocale: true,
      createdById: true,
      sectionId: true,
      bylines: { select: { userId: true } },
      localizations: { select: { status: true } },
    },
  });
  if (!article) throw new EditorialNotFoundError("article", data.articleId);
  const user = requireArticleAccess(actor, article);
  if (data.source && "create" in data.source) requirePermission(user, "attribution.manage");
  if (article.version !== data.expectedVersion) return { status: "conflict", currentVersion: article.version };

  const userIds = data.bylines.flatMap((b) => ("userId" in b ? [b.userId] : []));
  if (new Set(userIds).size !== userIds.length)
    throw new InvalidInputError([{ path: ["bylines"], message: "a person appears twice in the bylines" }]);
  const known = await prisma.user.count({ where: { id: { in: userIds } } });
  if (known !== userIds.length)
    throw new InvalidInputError([{ path: ["bylines"], message: "a byline names an unknown user" }]);

  const movesSection = data.sectionId !== undefined && data.sectionId !== article.sectionId;
  const version = await prisma.$transaction(async (tx) => {
    const sourceId =
      data.source === null
        ? null
        : "id" in data.source
          ? await existingSource(tx, data.source.id)
          : await findOrCreateSource(tx, data.source.create);
    const photoCreditId = data.photoCredit ? await findOrCreateCredit(tx, data.photoCredit) : null;
    if (data.leadImageId) await existingImage(tx, data.leadImageId);
    if (movesSection) await activeSection(tx, data.sectionId!);
    const updated = await tx.article.updateMany({
      where: { id: article.id, version: data.expectedVersion },
      data: {
        sourceId,
        photoCreditId,
        leadPhotoUrl: data.leadPhotoUrl,
        ...(data.leadImageId !== undefined ? { leadImageId: data.leadImageId } : {}),
        ...(movesSection ? { sectionId: data.sectionId } : {}),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) return null;
    await tx.byline.deleteMany({ where: { articleId: article.id } });
    let position = 0;
    for (const byline of data.bylines) {
      position += 1;
      const person =
        "userId" in byline
          ? { userId: byline.userId }
          : { contributorId: await findOrCreateContributor(tx, byline.contributorName) };
      await tx.byline.create({ data: { articleId: article.id, position, ...person } });
    }
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: "article.attribution",
        entityType: "article",
        entityId: String(article.id),
        data: {
          sourceId,
          photoCreditId,
          bylines: data.bylines.length,
          ...(data.leadImageId !== undefined ? { leadImageId: data.leadImageId } : {}),
          ...(movesSection ? { sectionId: data.sectionId, previousSectionId: article.sectionId } : {}),
        },
      },
    });
    return data.expectedVersion + 1;
  });
  if (version === null) {
    const current = await prisma.article.findUnique({ where: { id: article.id }, select: { version: true } });
    return { status: "conflict", currentVersion: current?.version ?? data.expectedVersion };
  }
  return {
    status: "saved",
    version,
    affectsPublicSite: article.localizations.some((l) => PUBLIC_STATUSES.has(l.status)),
    previousSectionId: movesSection ? article.sectionId : null,
  };
}

async function existingImage(tx: Tx, id: number): Promise<void> {
  const image = await tx.mediaImage.findUnique({ where: { id }, select: { id: true } });
  if (!image) throw new InvalidInputError([{ path: ["leadImageId"], message: "unknown image" }]);
}

async function activeSection(tx: Tx, id: number): Promise<void> {
  const section = await tx.section.findUnique({ where: { id }, select: { retiredAt: true } });
  if (!section) throw new InvalidInputError([{ path: ["sectionId"], message: "unknown section" }]);
  if (section.retiredAt)
    throw new InvalidInputError([{ path: ["sectionId"], message: "this section is retired; choose another" }]);
}

async function existingSource(tx: Tx, id: number): Promise<number> {
  const source = await tx.source.findUnique({ where: { id }, select: { id: true } });
  if (!source) throw new InvalidInputError([{ path: ["source", "id"], message: "unknown source" }]);
  return source.id;
}

async function findOrCreateSource(tx: Tx, values: z.infer<typeof names>): Promise<number> {
  const matchKey = makeMatchKey(values.nameAr);
  const existing = await tx.source.findUnique({ where: { matchKey }, select: { id: true } });
  if (existing) return existing.id;
  const { candidates, fallback } = slugCandidates(makeSlug(values.nameEn ?? values.nameAr));
  const taken = new Set(
    (await tx.source.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((s) => s.slug),
  );
  const slug = candidates.find((candidate) => !taken.has(candidate)) ?? fallback;
  try {
    return (await tx.source.create({ data: { ...values, matchKey, slug }, select: { id: true } })).id;
  } catch (error) {
    // Another editor created the same agency a moment ago (same name key or slug): say so rather than fail.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new InvalidInputError([
        { path: ["source"], message: "this source was just created by someone else; try again" },
      ]);
    }
    throw error;
  }
}

async function findOrCreateCredit(tx: Tx, values: z.infer<typeof names>): Promise<number> {
  const matchKey = makeMatchKey(values.nameAr);
  const credit = await tx.photoCredit.upsert({
    where: { matchKey },
    create: { ...values, matchKey },
    // Translations of the name fill in; an existing one is kept unless a new one is given.
    update: {
      ...(values.nameRu ? { nameRu: values.nameRu } : {}),
      ...(values.nameEn ? { nameEn: values.nameEn } : {}),
    },
    select: { id: true },
  });
  return credit.id;
}

async function findOrCreateContributor(tx: Tx, nameAr: string): Promise<number> {
  const existing = await tx.contributor.findFirst({ where: { nameAr }, select: { id: true }, orderBy: { id: "asc" } });
  return existing ? existing.id : (await tx.contributor.create({ data: { nameAr }, select: { id: true } })).id;
}
