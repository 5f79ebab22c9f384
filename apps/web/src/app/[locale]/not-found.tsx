// The localized 404 page (unknown article, unknown path, article not published in this language).
import { getTranslations } from "next-intl/server";
import { Link } from "../../i18n/navigation";

export default async function LocaleNotFound() {
  const t = await getTranslations("NotFound");
  return (
    <section className="py-12">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-gray-700">{t("body")}</p>
      <Link href="/" className="text-brand underline underline-offset-4">
        {t("backHome")}
      </Link>
    </section>
  );
}
