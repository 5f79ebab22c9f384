// /import: staff with article.import upload wire .txt files, preview what each becomes, then import them with the
// same importer as the CLI; staff who translate may attach uploaded texts to an article as its translation. Others
// get a 403 (app/forbidden.tsx); the actions are refused on the server too.
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { listSectionChoices } from "@minbar/db/editorial";
import { can, ForbiddenError } from "@minbar/db/permissions";
import { getDb } from "../../db.ts";
import { formatInteger } from "@minbar/i18n";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from "@minbar/importer";
import { requireActor } from "../../lib/actor.ts";
import { ImportForm } from "./import-form.tsx";

export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const actor = await requireActor();
  // The same rules importFiles applies: new articles need article.import; attaching, what translating needs.
  const mayImportNew = can(actor, "article.import");
  const mayAttach = can(actor, "article.translate") || can(actor, "article.edit_any");
  if (!mayImportNew && !mayAttach) forbidden();
  const [t, locale, sections] = await Promise.all([
    getTranslations("Import"),
    getLocale(),
    // The active sections, for filing new articles; none offered to a role that cannot read articles.
    listSectionChoices(getDb(), actor).catch((error: unknown) => {
      if (error instanceof ForbiddenError) return [];
      throw error;
    }),
  ]);
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-1 text-gray-700">{t("intro")}</p>
      <p className="mb-6 text-sm text-gray-600">
        {t("limits", {
          files: formatInteger(MAX_UPLOAD_FILES, locale),
          kilobytes: formatInteger(MAX_UPLOAD_BYTES / 1024, locale),
        })}
      </p>
      <ImportForm
        maxFiles={MAX_UPLOAD_FILES}
        maxBytes={MAX_UPLOAD_BYTES}
        mayImportNew={mayImportNew}
        mayAttach={mayAttach}
        sections={sections.map((s) => ({
          id: s.id,
          name: locale === "ru" ? s.nameRu : locale === "en" ? s.nameEn : s.nameAr,
          isDefault: s.isDefault,
        }))}
      />
    </>
  );
}
