// Imports one wire file: parse it, then create or update its article in a single transaction, or change nothing.
import { createHash } from "node:crypto";
import { basename, extname } from "node:path";
import { parseArticle, BLOCKING_WARNINGS, type ParsedArticle, type ParseWarning } from "@minbar/parser";
import { makeSlug, Prisma, type PrismaClient } from "@minbar/db";
import { findOrCreatePhotoCredit, findOrCreateSource } from "./attribution.ts";
import { freeSlug } from "./free-slug.ts";

export type ImportOutcome = "created" | "unchanged" | "updated" | "failed";

export type ImportResult = {
  file: string;
  outcome: ImportOutcome;
  articleId: number | null;
  /** Why it failed, or what an update did; one line. */
  detail: string | null;
  warnings: ParseWarning[];
};

export type WireFileInput = { name: string; bytes: Uint8Array };

type Tx = Prisma.TransactionClient;

/** Dates are days; noon UTC keeps the same calendar day in every time zone from UTC−11 to UTC+11. */
export function dayToTimestamp(day: string): Date {
  return new Date(`${day}T12:00:00.000Z`);
}

export function fileKeyOf(name: string): string {
  return basename(name, extname(name));
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const isBlocking = (warning: ParseWarning) => BLOCKING_WARNINGS.includes(warning.code);

export async function importFile(
  prisma: PrismaClient,
  input: WireFileInput,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const contentHash = hashBytes(input.bytes);
  const parsed = parseArticle(input.bytes, { filename: input.name });
  if (!parsed.ok) {
    const detail = `${parsed.error.code}: ${parsed.error.message}`;
    if (!dryRun) await recordOutcome(prisma, { contentHash, fileName: input.name, outcome: "failed", error: detail });
    return { file: input.name, outcome: "failed", articleId: null, detail, warnings: parsed.warnings };
  }
  const base = { file: input.name, warnings: parsed.warnings };
  const fileKey = fileKeyOf(input.name);

  if (dryRun) {
    const seen = await prisma.wireFile.findUnique({ where: { contentHash }, select: { articleId: true } });
    if (seen) return { ...base, outcome: "unchanged", articleId: seen.articleId, detail: null };
    const earlier = await latestArticleForKey(prisma, fileKey);
    return earlier
      ? { ...base, outcome: "updated", articleId: earlier, detail: "would add a revision" }
      : { ...base, outcome: "created", articleId: null, detail: null };
  }

  const write = { ...input, contentHash, fileKey, article: parsed.article, warnings: parsed.warnings };
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeArticle(prisma, write);
    } catch (error) {
      // A unique violation means a concurrent import got there first (the same file, or a new agency both cite):
      // its transaction has committed, so a fresh attempt sees its rows.
      const conflict = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (conflict && attempt < MAX_ATTEMPTS) continue;
      const detail = `database: ${describeError(error)}`;
      await recordOutcome(prisma, { contentHash, fileName: input.name, outcome: "failed", error: detail }).catch(() => {});
      return { ...base, outcome: "failed", articleId: null, detail };
    }
  }
}

const MAX_ATTEMPTS = 3;

type WriteInput = WireFileInput & { contentHash: string; fileKey: string; article: ParsedArticle; warnings: ParseWarning[] };

async function writeArticle(prisma: PrismaClient, input: WriteInput): Promise<ImportResult> {
  return prisma.$transaction(async (tx) => {
    const seen = await tx.wireFile.findUnique({ where: { contentHash: input.contentHash }, select: { articleId: true } });
    if (seen) {
      await recordOutcome(tx, { contentHash: input.contentHash, fileName: input.name, outcome: "unchanged", articleId: seen.articleId });
      return { file: input.name, outcome: "unchanged", articleId: seen.articleId, detail: null, warnings: input.warnings };
    }
    const earlier = await latestArticleForKey(tx, input.fileKey);
    const result = earlier ? await updateArticle(tx, earlier, input) : await createArticle(tx, input);
    await tx.wireFile.create({
      data: { contentHash: input.contentHash, fileKey: input.fileKey, fileName: input.name, articleId: result.articleId },
    });
    await recordOutcome(tx, {
      contentHash: input.contentHash,
      fileName: input.name,
      outcome: result.outcome,
      articleId: result.articleId,
      warnings: input.warnings,
    });
    await tx.auditLog.create({
      data: {
        action: `import.${result.outcome}`,
        entityType: "article",
        entityId: String(result.articleId),
        data: { file: input.name, contentHash: input.contentHash, detail: result.detail },
      },
    });
    return result;
  });
}

async function createArticle(tx: Tx, input: WriteInput): Promise<ImportResult> {
  const { article, warnings } = input;
  const complete = !warnings.some(isBlocking);
  const sourceId = article.source ? await findOrCreateSource(tx, article.source) : null;
  const photoCreditId = article.photoCredit ? await findOrCreatePhotoCredit(tx, article.photoCredit) : null;
  const slug = await freeSlug(makeSlug(article.title ?? article.provisionalTitle ?? input.fileKey), async (candidates) =>
    (await tx.articleLocalization.findMany({ where: { locale: "ar", slug: { in: candidates } }, select: { slug: true } })).map((r) => r.slug),
  );
  const body = article.blocks as Prisma.InputJsonValue;
  const created = await tx.article.create({
    data: {
      originalLocale: "ar",
      sourceId,
      photoCreditId,
      localizations: {
        create: {
          locale: "ar",
          title: article.title,
          slug,
          body,
          status: complete ? "published" : "draft",
          publishedAt: article.publishedOn ? dayToTimestamp(article.publishedOn) : null,
          warnings: warnings as unknown as Prisma.InputJsonValue,
          revisions: {
            create: { number: 1, title: article.title, slug, body, origin: "import", contentHash: input.contentHash },
          },
          transitions: { create: { fromStatus: null, toStatus: complete ? "published" : "draft", comment: "import" } },
        },
      },
    },
    select: { id: true },
  });
  return {
    file: input.name,
    outcome: "created",
    articleId: created.id,
    detail: complete ? "published" : `draft: ${warnings.filter(isBlocking).map((w) => w.code).join(", ")}`,
    warnings,
  };
}

/**
 * A changed file for an article we already have. Its text becomes a new revision. It becomes the live text only
 * when no editor has touched the article since the last import; an editor's work is never overwritten.
 */
async function updateArticle(tx: Tx, articleId: number, input: WriteInput): Promise<ImportResult> {
  const { article, warnings } = input;
  const localization = await tx.articleLocalization.findUniqueOrThrow({
    where: { articleId_locale: { articleId, locale: "ar" } },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const latest = localization.revisions[0];
  const editedByEditor = localization.updatedById !== null || (latest !== undefined && latest.origin !== "import");
  const blocking = warnings.some(isBlocking);
  const apply = !editedByEditor && !(blocking && localization.status === "published");
  const number = (latest?.number ?? 0) + 1;
  const body = article.blocks as Prisma.InputJsonValue;

  await tx.revision.create({
    data: {
      localizationId: localization.id,
      number,
      title: article.title,
      slug: localization.slug,
      body,
      origin: "import",
      contentHash: input.contentHash,
      applied: apply,
    },
  });

  if (apply) {
    const sourceId = article.source ? await findOrCreateSource(tx, article.source) : null;
    const photoCreditId = article.photoCredit ? await findOrCreatePhotoCredit(tx, article.photoCredit) : null;
    const publish = !blocking && localization.status === "draft";
    const updated = await tx.articleLocalization.updateMany({
      where: { id: localization.id, version: localization.version },
      data: {
        title: article.title,
        body,
        warnings: warnings as unknown as Prisma.InputJsonValue,
        publishedAt: article.publishedOn ? dayToTimestamp(article.publishedOn) : localization.publishedAt,
        version: { increment: 1 },
        ...(publish ? { status: "published" as const } : {}),
      },
    });
    if (updated.count !== 1) throw new Error("the article changed while it was being imported; import again");
    await tx.article.update({ where: { id: articleId }, data: { sourceId, photoCreditId, version: { increment: 1 } } });
    if (publish) {
      await tx.workflowTransition.create({
        data: { localizationId: localization.id, fromStatus: "draft", toStatus: "published", comment: "import" },
      });
    }
  }
  const detail = apply
    ? `revision ${number} applied`
    : editedByEditor
      ? `revision ${number} saved; the editor's changes were kept`
      : `revision ${number} saved, not applied: ${warnings.filter(isBlocking).map((w) => w.code).join(", ")}`;
  return { file: input.name, outcome: "updated", articleId, detail, warnings };
}

async function latestArticleForKey(db: Tx | PrismaClient, fileKey: string): Promise<number | null> {
  const row = await db.wireFile.findFirst({
    where: { fileKey, articleId: { not: null } },
    orderBy: { importedAt: "desc" },
    select: { articleId: true },
  });
  return row?.articleId ?? null;
}

type OutcomeRecord = {
  contentHash: string;
  fileName: string;
  outcome: ImportOutcome;
  articleId?: number | null;
  warnings?: ParseWarning[];
  error?: string;
};

async function recordOutcome(db: Tx | PrismaClient, record: OutcomeRecord): Promise<void> {
  await db.importRecord.create({
    data: {
      contentHash: record.contentHash,
      fileName: record.fileName,
      outcome: record.outcome,
      articleId: record.articleId ?? null,
      warnings: (record.warnings ?? []) as unknown as Prisma.InputJsonValue,
      error: record.error ?? null,
    },
  });
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").map((line) => line.trim()).filter(Boolean).slice(-1)[0] ?? "unknown error";
}
