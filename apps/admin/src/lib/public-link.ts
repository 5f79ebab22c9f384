// Where a published localization can be read on the public site (same URL scheme as apps/web), if its origin is known.
import { DEFAULT_LOCALE, type Locale } from "@minbar/i18n";
import { getEnv } from "../env.ts";

export function publicArticleUrl(row: { articleId: number; locale: Locale; slug: string }): string | null {
  const origin = getEnv().PUBLIC_SITE_URL;
  if (!origin) return null;
  const prefix = row.locale === DEFAULT_LOCALE ? "" : `/${row.locale}`;
  return new URL(`${prefix}/news/${row.articleId}/${encodeURIComponent(row.slug)}`, origin).toString();
}
