// What a page answers, with HTTP 403, when its use case refuses the signed-in user (orForbidden → forbidden()):
// the localized notice inside the admin's layout, so the sections this user may open stay one click away.
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("Forbidden");
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
        {t("message")}
      </p>
    </>
  );
}
