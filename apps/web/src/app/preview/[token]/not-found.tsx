// A preview link that is malformed, altered, signed with another secret or expired: the site's own 404 page, in
// Arabic (a bad token cannot say which language its text is in, so the site's default is used).
import { setRequestLocale } from "next-intl/server";
import { DEFAULT_LOCALE, directionOf } from "@minbar/i18n";
import LocaleNotFound from "../../[locale]/not-found.tsx";
import "../../globals.css";

export default function PreviewNotFound() {
  setRequestLocale(DEFAULT_LOCALE);
  return (
    <html lang={DEFAULT_LOCALE} dir={directionOf(DEFAULT_LOCALE)}>
      <head>
        <meta name="robots" content="noindex" />
      </head>
      <body className="min-h-screen bg-stone-50 text-gray-900 antialiased">
        <main id="content" className="mx-auto max-w-4xl px-4 py-8">
          <LocaleNotFound />
        </main>
      </body>
    </html>
  );
}
