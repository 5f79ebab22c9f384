// The localized "page not found" notice: what Next's not-found boundary shows (app/[locale]/not-found.tsx) and the
// page the server sends in its place to readers (app/[locale]/not-found-view, see server/plain-html.ts).
import { getTranslations } from "next-intl/server";
import { Link } from "../i18n/navigation.ts";

export async function NotFoundNotice() {
  const t = await getTranslations("NotFound");
  return (
    <section className="py-12">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-gray-700">{t("body")}</p>
      <Link href="/" className="inline-flex min-h-11 items-center text-brand underline underline-offset-4">
        {t("backHome")}
      </Link>
    </section>
  );
}
