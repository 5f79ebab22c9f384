// Sections of the site (news, culture…): created, renamed, ordered, retired and restored, and one made the default,
// by holders of section.manage. Each change is checked against the section's version and audited.
import { z } from "zod";
import type { Prisma, PrismaClient, Section } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { EditorialError, EditorialNotFoundError, InvalidInputError, parseInput } from "./errors.ts";
import { slugInput } from "./slug-input.ts";
import { isUniqueViolation } from "./unique-violation.ts";

export type AdminSection = {
  id: number;
  slugAr: string;
  slugRu: string;
  slugEn: string;
  nameAr: string;
  nameRu: string;
  nameEn: string;
  position: number;
  isDefault: boolean;
  retiredAt: Date | null;
  version: number;
  /** Articles filed under it, whatever their status. */
  articles: number;
};

/** What the editor's section select offers: the active sections, in their order. */
export type SectionChoice = {
  id: number;
  nameAr: string;
  nameRu: string;
  nameEn: string;
  retired: boolean;
  isDefault: boolean;
};

/** A section refused for a reason the form shows next to the field (the default cannot be retired…). */
export class SectionRuleError extends EditorialError {
  constructor(readonly rule: "default_retired" | "retire_default" | "already_default") {
    super("invalid_input", `Section rule: ${rule}`);
  }
}

const toAdmin = (row: Section & { _count: { articles: number } }): AdminSection => ({
  id: row.id,
  slugAr: row.slugAr,
  slugRu: row.slugRu,
  slugEn: row.slugEn,
  nameAr: row.nameAr,
  nameRu: row.nameRu,
  nameEn: row.nameEn,
  position: row.position,
  isDefault: row.isDefault,
  retiredAt: row.retiredAt,
  version: row.version,
  articles: row._count.articles,
});

const withCount = { _count: { select: { articles: true } } } as const;
const inOrder = [{ position: "asc" }, { id: "asc" }] as const;

/** Every section, retired ones too, in their order, with how many articles each holds. Needs section.manage. */
export async function listSections(prisma: PrismaClient, actor: Actor | null): Promise<AdminSection[]> {
  requirePermission(actor, "section.manage");
  const rows = await prisma.section.findMany({ orderBy: [...inOrder], include: withCount });
  return rows.map(toAdmin);
}

/**
 * The sections an article may be filed under (active ones, in order) plus, marked retired, the one `keepId` names,
 * so an article under a retired section still shows where it is. For anyone who can read articles.
 */
export async function listSectionChoices(
  prisma: PrismaClient,
  actor: Actor | null,
  { keepId }: { keepId?: number | null } = {},
): Promise<SectionChoice[]> {
  requirePermission(actor, "article.read");
  const rows = await prisma.section.findMany({
    where: { OR: [{ retiredAt: null }, ...(keepId ? [{ id: keepId }] : [])] },
    orderBy: [...inOrder],
  });
  return rows.map((row) => ({
    id: row.id,
    nameAr: row.nameAr,
    nameRu: row.nameRu,
    nameEn: row.nameEn,
    retired: row.retiredAt !== null,
    isDefault: row.isDefault,
  }));
}

/** The section new articles are filed under: the default one, unless it is retired (then none). */
export async function defaultSectionId(db: Prisma.TransactionClient | PrismaClient): Promise<number | null> {
  const row = await db.section.findFirst({ where: { isDefault: true, retiredAt: null }, select: { id: true } });
  return row?.id ?? null;
}

const sectionName = z.string().trim().min(1).max(100);

export const sectionFieldsInput = z.object({
  slugAr: slugInput,
  slugRu: slugInput,
  slugEn: slugInput,
  nameAr: sectionName,
  nameRu: sectionName,
  nameEn: sectionName,
});
export type SectionFieldsInput = z.input<typeof sectionFieldsInput>;

export const updateSectionInput = sectionFieldsInput.extend({
  id: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
});
export type UpdateSectionInput = z.input<typeof updateSectionInput>;

const versioned = z.object({ id: z.number().int().positive(), expectedVersion: z.number().int().positive() });
export const moveSectionInput = versioned.extend({ direction: z.enum(["up", "down"]) });
export type MoveSectionInput = z.input<typeof moveSectionInput>;
export const retireSectionInput = versioned.extend({ retired: z.boolean() });
export type RetireSectionInput = z.input<typeof retireSectionInput>;
export type SectionVersionInput = z.input<typeof versioned>;

export type SectionResult = { status: "saved"; section: AdminSection } | { status: "conflict"; current: AdminSection };

const SLUG_FIELDS = ["slugAr", "slugRu", "slugEn"] as const;
const SLUG_CONSTRAINTS: Record<(typeof SLUG_FIELDS)[number], { index: string; column: string }> = {
  slugAr: { index: "sections_slug_ar_key", column: "slug_ar" },
  slugRu: { index: "sections_slug_ru_key", column: "slug_ru" },
  slugEn: { index: "sections_slug_en_key", column: "slug_en" },
};

/** Each slug another section already uses in that language: the form names the field. */
async function takenSlugs(
  prisma: PrismaClient,
  fields: z.infer<typeof sectionFieldsInput>,
  exceptId: number | null,
): Promise<InvalidInputError | null> {
  const others = await prisma.section.findMany({
    where: {
      ...(exceptId ? { id: { not: exceptId } } : {}),
      OR: SLUG_FIELDS.map((field) => ({ [field]: fields[field] })),
    },
  });
  const issues = SLUG_FIELDS.filter((field) => others.some((other) => other[field] === fields[field])).map((field) => ({
    path: [field],
    message: "another section already has this slug",
  }));
  return issues.length > 0 ? new InvalidInputError(issues) : null;
}

/** The same, from the unique index, for a section created or renamed at the same moment. */
function slugRaceError(error: unknown): InvalidInputError | null {
  const field = SLUG_FIELDS.find((f) =>
    isUniqueViolation(error, SLUG_CONSTRAINTS[f].index, [SLUG_CONSTRAINTS[f].column]),
  );
  return field ? new InvalidInputError([{ path: [field], message: "another section already has this slug" }]) : null;
}

async function audit(
  tx: Prisma.TransactionClient,
  user: Actor,
  action: string,
  section: { id: number; nameAr: string },
  data: Record<string, Prisma.InputJsonValue | null> = {},
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: user.userId,
      action,
      entityType: "section",
      entityId: String(section.id),
      data: { nameAr: section.nameAr, ...data },
    },
  });
}

async function current(prisma: PrismaClient, id: number): Promise<AdminSection> {
  const row = await prisma.section.findUnique({ where: { id }, include: withCount });
  if (!row) throw new EditorialNotFoundError("section", id);
  return toAdmin(row);
}

/** A new section, last in the order, active. Audited as section.create. */
export async function createSection(
  prisma: PrismaClient,
  actor: Actor | null,
  input: SectionFieldsInput,
): Promise<{ status: "saved"; section: AdminSection }> {
  const user = requirePermission(actor, "section.manage");
  const fields = parseInput(sectionFieldsInput, input);
  const taken = await takenSlugs(prisma, fields, null);
  if (taken) throw taken;
  try {
    const id = await prisma.$transaction(async (tx) => {
      const last = await tx.section.aggregate({ _max: { position: true } });
      const created = await tx.section.create({ data: { ...fields, position: (last._max.position ?? 0) + 1 } });
      await audit(tx, user, "section.create", created, { slugAr: fields.slugAr });
      return created.id;
    });
    return { status: "saved", section: await current(prisma, id) };
  } catch (error) {
    throw slugRaceError(error) ?? error;
  }
}

/** New names and slugs (each language's slug unique among sections). A stale version changes nothing. */
export async function updateSection(
  prisma: PrismaClient,
  actor: Actor | null,
  input: UpdateSectionInput,
): Promise<SectionResult> {
  const user = requirePermission(actor, "section.manage");
  const { id, expectedVersion, ...fields } = parseInput(updateSectionInput, input);
  const before = await current(prisma, id);
  if (before.version !== expectedVersion) return { status: "conflict", current: before };
  const taken = await takenSlugs(prisma, fields, id);
  if (taken) throw taken;
  try {
    const saved = await prisma.$transaction(async (tx) => {
      const { count } = await tx.section.updateMany({
        where: { id, version: expectedVersion },
        data: { ...fields, version: { increment: 1 } },
      });
      if (count !== 1) return false;
      await audit(
        tx,
        user,
        "section.update",
        { id, nameAr: fields.nameAr },
        {
          previous: {
            nameAr: before.nameAr,
            nameRu: before.nameRu,
            nameEn: before.nameEn,
            slugAr: before.slugAr,
            slugRu: before.slugRu,
            slugEn: before.slugEn,
          },
        },
      );
      return true;
    });
    const after = await current(prisma, id);
    return saved ? { status: "saved", section: after } : { status: "conflict", current: after };
  } catch (error) {
    throw slugRaceError(error) ?? error;
  }
}

/**
 * Swaps the section with its neighbour above or below in the order (retired ones included, as the admin lists them).
 * At either end nothing moves and the section comes back as it is.
 */
export async function moveSection(
  prisma: PrismaClient,
  actor: Actor | null,
  input: MoveSectionInput,
): Promise<SectionResult> {
  const user = requirePermission(actor, "section.manage");
  const { id, expectedVersion, direction } = parseInput(moveSectionInput, input);
  const before = await current(prisma, id);
  if (before.version !== expectedVersion) return { status: "conflict", current: before };
  const saved = await prisma.$transaction(async (tx) => {
    const all = await tx.section.findMany({ orderBy: [...inOrder], select: { id: true } });
    const index = all.findIndex((row) => row.id === id);
    const neighbour = all[direction === "up" ? index - 1 : index + 1];
    if (!neighbour) return true;
    // Renumbered 1…n with the two swapped, so equal positions from before never make the order ambiguous.
    const order = all.map((row) => row.id);
    order[index] = neighbour.id;
    order[direction === "up" ? index - 1 : index + 1] = id;
    const { count } = await tx.section.updateMany({
      where: { id, version: expectedVersion },
      data: { position: order.indexOf(id) + 1, version: { increment: 1 } },
    });
    if (count !== 1) return false;
    for (const [i, other] of order.entries()) {
      if (other !== id) await tx.section.update({ where: { id: other }, data: { position: i + 1 } });
    }
    await audit(tx, user, direction === "up" ? "section.move_up" : "section.move_down", before);
    return true;
  });
  const after = await current(prisma, id);
  return saved ? { status: "saved", section: after } : { status: "conflict", current: after };
}

/**
 * Retires a section (it leaves the navigation, its pages answer 404, it cannot be chosen for new filing; its articles
 * keep it) or restores it. The default section cannot be retired.
 */
export async function setSectionRetired(
  prisma: PrismaClient,
  actor: Actor | null,
  input: RetireSectionInput,
): Promise<SectionResult> {
  const user = requirePermission(actor, "section.manage");
  const { id, expectedVersion, retired } = parseInput(retireSectionInput, input);
  const before = await current(prisma, id);
  if (before.version !== expectedVersion) return { status: "conflict", current: before };
  if (retired && before.isDefault) throw new SectionRuleError("retire_default");
  if ((before.retiredAt !== null) === retired) return { status: "saved", section: before };
  const saved = await prisma.$transaction(async (tx) => {
    const { count } = await tx.section.updateMany({
      where: { id, version: expectedVersion, isDefault: false },
      data: { retiredAt: retired ? new Date() : null, version: { increment: 1 } },
    });
    if (count !== 1) return false;
    await audit(tx, user, retired ? "section.retire" : "section.restore", before);
    return true;
  });
  const after = await current(prisma, id);
  return saved ? { status: "saved", section: after } : { status: "conflict", current: after };
}

/** Makes the section the default one (imports and new articles are filed under it). Not a retired one. */
export async function makeDefaultSection(
  prisma: PrismaClient,
  actor: Actor | null,
  input: SectionVersionInput,
): Promise<SectionResult> {
  const user = requirePermission(actor, "section.manage");
  const { id, expectedVersion } = parseInput(versioned, input);
  const before = await current(prisma, id);
  if (before.version !== expectedVersion) return { status: "conflict", current: before };
  if (before.retiredAt) throw new SectionRuleError("default_retired");
  if (before.isDefault) return { status: "saved", section: before };
  const saved = await prisma
    .$transaction(async (tx) => {
      // The partial unique index allows one default: the old one is cleared first, in the same transaction.
      const previous = await tx.section.findFirst({ where: { isDefault: true }, select: { id: true, nameAr: true } });
      await tx.section.updateMany({
        where: { isDefault: true },
        data: { isDefault: false, version: { increment: 1 } },
      });
      const { count } = await tx.section.updateMany({
        where: { id, version: expectedVersion, retiredAt: null },
        data: { isDefault: true, version: { increment: 1 } },
      });
      if (count !== 1) throw new StaleSection();
      await audit(tx, user, "section.make_default", before, { previousDefault: previous?.nameAr ?? null });
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof StaleSection) return false;
      throw error;
    });
  const after = await current(prisma, id);
  return saved ? { status: "saved", section: after } : { status: "conflict", current: after };
}

/** Rolls makeDefaultSection's transaction back when the section changed meanwhile. */
class StaleSection extends Error {}
