"use client";
// A one-time sign-in link shown once: the address in a read-only field (left to right), a copy button, and when
// it stops working.
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";

export function SignInLinkBox({ url, expiresAt, name }: { url: string; expiresAt: string; name: string }) {
  const t = useTranslations("Accounts");
  const format = useFormatter();
  const [copied, setCopied] = useState(false);
  const expires = format.dateTime(new Date(expiresAt), { dateStyle: "medium", timeStyle: "short" });
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
