// The breaking-news banner as readers get it (/api/breaking/{locale}): the edition's banner while it is on.
import type { BreakingBanner, Locale, PrismaClient } from "../generated/prisma/client.ts";

export type PublicBreakingBanner = { text: string; link: string; endsAt: string | null };

export function isActive(banner: Pick<BreakingBanner, "endedAt" | "endsAt">, now: Date): boolean {
  return banner.endedAt === null && (banner.endsAt === null || banner.endsAt.getTime() > now.getTime());
}

/** The banner readers see now, or null. Read on every poll of /api/breaking/{locale}: one row by its unique key. */
export async function getActiveBreakingBanner(
  prisma: PrismaClient,
  { locale, now = new Date() }: { locale: Locale; now?: Date },
): Promise<PublicBreakingBanner | null> {
  const banner = await prisma.breakingBanner.findUnique({ where: { locale } });
  if (!banner || !isActive(banner, now)) return null;
  return { text: banner.text, link: banner.link, endsAt: banner.endsAt?.toISOString() ?? null };
}
