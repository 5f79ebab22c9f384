// /import: staff with article.import upload wire .txt files, preview what each becomes, then import them with the
// same importer as the CLI; staff who translate may attach uploaded texts to an article as its translation. Others
// get a 403 (app/forbidden.tsx); the actions are refused on the server too.
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@minbar/db/permissions";
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
  const [t, locale] = await Promise.all([getTranslations("Import"), getLocale()]);
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
      />
    </>
  );
}
