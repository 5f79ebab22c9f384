// /sections: the site's sections, in their order, with their names and slugs in three languages, how many articles
// each holds, which is the default and which are retired; created, edited, reordered, retired and restored here.
// section.manage is checked by the use cases (the list too, so anyone else gets the 403 page).
import { getLocale, getTranslations } from "next-intl/server";
import { listSections } from "@minbar/db/editorial";
import { formatInteger } from "@minbar/i18n";
import { getDb } from "../../db.ts";
import { requireActor } from "../../lib/actor.ts";
import { orForbidden } from "../../lib/or-forbidden.ts";
import { SectionForm } from "./section-form.tsx";
import { SectionSteps } from "./section-steps.tsx";

export const dynamic = "force-dynamic";

export default async function SectionsPage() {
  const actor = await requireActor();
  const [sections, locale, t] = await Promise.all([
    orForbidden(() => listSections(getDb(), actor)),
    getLocale(),
    getTranslations("SectionsDesk"),
  ]);
  const nameIn = (s: { nameAr: string; nameRu: string; nameEn: string }) =>
    locale === "ru" ? s.nameRu : locale === "en" ? s.nameEn : s.nameAr;
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-sm text-gray-600">{t("intro")}</p>
      <ol className="mb-8 divide-y divide-gray-100 rounded-lg bg-white shadow-sm" data-testid="sections">
        {sections.map((section, index) => {
          const name = nameIn(section);
          return (
            <li key={section.id} className="space-y-2 p-3" data-testid="section-row">
              <h2 className="font-semibold">
                <bdi>{name}</bdi>{" "}
                <span className="text-xs font-normal text-gray-600">
                  {t("articles", { count: section.articles, shown: formatInteger(section.articles, locale) })}
                  {section.isDefault ? ` · ${t("default")}` : ""}
                  {section.retiredAt ? ` · ${t("retired")}` : ""}
                </span>
              </h2>
              <SectionSteps
                id={section.id}
                version={section.version}
                name={name}
                first={index === 0}
                last={index === sections.length - 1}
                retired={section.retiredAt !== null}
                isDefault={section.isDefault}
              />
              <details>
                <summary className="cursor-pointer text-sm text-brand underline">{t("edit", { name })}</summary>
                <SectionForm
                  id={section.id}
                  version={section.version}
                  label={t("edit", { name })}
                  values={{
                    nameAr: section.nameAr,
                    nameRu: section.nameRu,
                    nameEn: section.nameEn,
                    slugAr: section.slugAr,
                    slugRu: section.slugRu,
                    slugEn: section.slugEn,
                  }}
                />
              </details>
            </li>
          );
        })}
      </ol>
      <section aria-labelledby="new-section" className="rounded-lg bg-white p-3 shadow-sm">
        <h2 id="new-section" className="mb-2 font-semibold">
          {t("new")}
        </h2>
        <SectionForm
          version={0}
          label={t("new")}
          values={{ nameAr: "", nameRu: "", nameEn: "", slugAr: "", slugRu: "", slugEn: "" }}
        />
      </section>
    </>
  );
}
