// GET /api/breaking/{locale}: the edition's breaking-news banner now, `{ "banner": { text, link, endsAt } | null }`.
// Every page of the edition polls it (lib/breaking-banner-script.ts), so a banner shows and goes within seconds
// without any page being rendered again. Shared caches keep it a second: the response cache in front of Next answers
// the polls of all readers from memory, and asks the database at most about once a second per edition.
import { getActiveBreakingBanner } from "@minbar/db/public";
import { isLocale } from "@minbar/i18n";
import { getDb } from "../../../../db.ts";

export const dynamic = "force-dynamic";

const BREAKING_MAX_AGE_SECONDS = 1;

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const { locale } = await params;
  if (!isLocale(locale)) return Response.json({ error: "unknown edition" }, { status: 404 });
  const banner = await getActiveBreakingBanner(getDb(), { locale });
  return Response.json(
    { banner },
    {
      headers: { "cache-control": `public, max-age=${BREAKING_MAX_AGE_SECONDS}, s-maxage=${BREAKING_MAX_AGE_SECONDS}` },
    },
  );
}
