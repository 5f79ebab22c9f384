// The breaking-news banner of an edition: set by an editor with a short text, a link and an optional end; ended by
// hand or by its time. One per edition (setting a new one replaces it). Needs `breaking.manage`; audited.
import type { Locale, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { requirePermission, type Actor } from "../permissions.ts";
import { isActive } from "./public-breaking.ts";

export const BREAKING_TEXT_MAX = 140;
const LINK_MAX = 500;

export type BreakingInvalidReason =
  "text_required" | "text_too_long" | "link_required" | "link_invalid" | "ends_in_past";

/**
 * A link a banner may carry: a path of the site (`/news/12`, not `//host`) or an https URL; null otherwise.
 * Returned normalized (trimmed; a URL as the URL parser writes it).
 */
export function checkBannerLink(value: string): string | null {
  const link = value.trim();
  if (link.length === 0 || link.length > LINK_MAX || /[\s\\<>"']/.test(link)) return null;
  if (link.startsWith("/")) return link.startsWith("//") ? null : link;
  try {
    const url = new URL(link);
    return url.protocol === "https:" && url.hostname !== "" && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}

export type BreakingBannerEditing = {
  text: string;
  link: string;
  endsAt: Date | null;
  startedAt: Date;
  active: boolean;
  version: number;
} | null;

export async function loadBreakingBanner(
  prisma: PrismaClient,
  actor: Actor | null,
  { locale, now = new Date() }: { locale: Locale; now?: Date },
): Promise<BreakingBannerEditing> {
  requirePermission(actor, "breaking.manage");
  const banner = await prisma.breakingBanner.findUnique({ where: { locale } });
  if (!banner) return null;
  return {
    text: banner.text,
    link: banner.link,
    endsAt: banner.endsAt,
    startedAt: banner.startedAt,
    active: isActive(banner, now),
    version: banner.version,
  };
}

export type SetBreakingResult = { status: "set" } | { status: "invalid"; reason: BreakingInvalidReason };

export async function setBreakingBanner(
  prisma: PrismaClient,
  actor: Actor | null,
  input: { locale: Locale; text: string; link: string; endsAt: Date | null; now?: Date },
  context: { address?: string | null } = {},
): Promise<SetBreakingResult> {
  const who = requirePermission(actor, "breaking.manage");
  const now = input.now ?? new Date();
  // Line breaks would not show in a one-line banner; they become spaces.
  const text = input.text.replace(/\s+/g, " ").trim();
  if (!text) return { status: "invalid", reason: "text_required" };
  if ([...text].length > BREAKING_TEXT_MAX) return { status: "invalid", reason: "text_too_long" };
  if (!input.link.trim()) return { status: "invalid", reason: "link_required" };
  const link = checkBannerLink(input.link);
  if (!link) return { status: "invalid", reason: "link_invalid" };
  if (input.endsAt && input.endsAt.getTime() <= now.getTime()) return { status: "invalid", reason: "ends_in_past" };
  const data = { text, link, endsAt: input.endsAt, endedAt: null, startedAt: now, updatedById: who.userId };
  await prisma.$transaction(async (tx) => {
    await tx.breakingBanner.upsert({
      where: { locale: input.locale },
      create: { locale: input.locale, ...data },
      update: { ...data, version: { increment: 1 } },
    });
    await audit(
      tx,
      { actorId: who.userId, action: "breaking.set" },
      input.locale,
      { text, link, endsAt: input.endsAt?.toISOString() ?? null },
      context,
    );
  });
  return { status: "set" };
}

export type EndBreakingResult = { status: "ended" } | { status: "not_active" };

export async function endBreakingBanner(
  prisma: PrismaClient,
  actor: Actor | null,
  { locale, now = new Date() }: { locale: Locale; now?: Date },
  context: { address?: string | null } = {},
): Promise<EndBreakingResult> {
  const who = requirePermission(actor, "breaking.manage");
  return prisma.$transaction(async (tx) => {
    const ended = await tx.breakingBanner.updateMany({
      where: { locale, endedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
      data: { endedAt: now, updatedById: who.userId, version: { increment: 1 } },
    });
    if (ended.count === 0) return { status: "not_active" } as const;
    await audit(tx, { actorId: who.userId, action: "breaking.end" }, locale, {}, context);
    return { status: "ended" } as const;
  });
}

async function audit(
  tx: Prisma.TransactionClient,
  { actorId, action }: { actorId: number; action: string },
  locale: Locale,
  data: Prisma.InputJsonObject,
  context: { address?: string | null },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId,
      action,
      entityType: "breaking_banner",
      entityId: locale,
      data: { locale, ...data },
      address: context.address ?? null,
    },
  });
}
