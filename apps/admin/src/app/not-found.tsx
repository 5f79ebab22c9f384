// What an unknown address answers, with HTTP 404: the localized notice inside the admin's layout. Next's built-in
// page would set inline styles, which the admin's policy refuses.
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      <p className="rounded border border-gray-300 bg-white px-3 py-2">{t("message")}</p>
    </>
  );
}
