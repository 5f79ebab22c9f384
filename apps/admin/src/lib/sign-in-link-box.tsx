"use client";
// A one-time sign-in link shown once: the address in a read-only field (left to right), a copy button, and when
// it stops working.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { intlLocaleOf, NEWSROOM_TIME_ZONE } from "@minbar/i18n";

export function SignInLinkBox({ url, expiresAt, name }: { url: string; expiresAt: string; name: string }) {
  const t = useTranslations("Accounts");
  const locale = useLocale();
  const [copied, setCopied] = useState(false);
  const expires = new Intl.DateTimeFormat(intlLocaleOf(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: NEWSROOM_TIME_ZONE,
  }).format(new Date(expiresAt));
  return (
    <div role="status" className="mt-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
      <p className="mb-2 font-semibold">{t("linkTitle")}</p>
      <p className="mb-2 text-sm">{t("linkOnce", { name, expires })}</p>
      <div className="flex gap-2">
        <input
          readOnly
          value={url}
          dir="ltr"
          aria-label={t("linkTitle")}
          onFocus={(event) => event.currentTarget.select()}
          className="w-full rounded border border-gray-300 bg-white px-2 py-1 text-start font-mono text-xs"
        />
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
          className="rounded border border-gray-300 bg-white px-3 py-1 text-sm hover:bg-gray-50"
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
    </div>
  );
}
