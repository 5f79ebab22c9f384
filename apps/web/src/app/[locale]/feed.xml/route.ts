// /ru/feed.xml and /en/feed.xml. Paths with a dot bypass the locale proxy, so this handler applies its rules itself:
// /ar/feed.xml goes to the unprefixed /feed.xml, unknown locales are 404.
import { isLocale } from "@minbar/i18n";
import { routing } from "../../../i18n/routing";
import { feedResponse } from "../../../lib/feed";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }): Promise<Response> {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  if (locale === routing.defaultLocale) return Response.redirect(new URL("/feed.xml", request.url), 308);
  return feedResponse(locale);
}
