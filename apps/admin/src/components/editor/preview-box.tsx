"use client";
// The preview box: a signed link to the public site's rendering of this text, for a lifetime the editor picks
// (30 minutes unless changed, a week at most), shown in a read-only field to copy; and revoking the article's links.
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { intlLocaleOf, NEWSROOM_TIME_ZONE } from "@minbar/i18n";
import {
  createPreviewLinkAction,
  revokePreviewLinksAction,
  type PreviewLinkResult,
} from "../../lib/preview-link-actions.ts";

/** Minutes offered; the server refuses more than a week whatever is sent. */
const LIFETIMES = [30, 120, 1440, 10080] as const;

type Lifetime = (typeof LIFETIMES)[number];

export function PreviewBox({ articleId, locale }: { articleId: number; locale: "ar" | "ru" | "en" }) {
  const t = useTranslations("Editor.preview");
  const tp = useTranslations("EditorPreview");
  const uiLocale = useLocale();
  const [lifetime, setLifetime] = useState<Lifetime>(30);
  const [result, setResult] = useState<PreviewLinkResult | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoked, setRevoked] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      setRevoked(null);
      setCopied(false);
      setResult(await createPreviewLinkAction({ articleId, locale, lifetimeMinutes: lifetime }));
    });

  const revoke = () =>
    startTransition(async () => {
      const outcome = await revokePreviewLinksAction({ articleId });
      if (outcome.ok) {
        setResult(null);
        setRevoked(tp("revoked"));
      } else setRevoked(tp("revokeFailed", { reason: t(`errors.${outcome.error}`) }));
    });

  const expires = (iso: string) =>
    new Intl.DateTimeFormat(intlLocaleOf(uiLocale), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: NEWSROOM_TIME_ZONE,
    }).format(new Date(iso));

  return (
    <section aria-labelledby="preview-title" className="rounded border border-gray-200 bg-white p-3 text-sm">
      <h2 id="preview-title" className="mb-1 font-semibold">
        {t("title")}
      </h2>
      <p className="mb-2 text-gray-600">{tp("explain")}</p>
      <div className="flex flex-wrap items-end gap-2">
        <label>
          <span className="block">{tp("lifetime")}</span>
          <select
            value={lifetime}
            onChange={(event) => setLifetime(Number(event.target.value) as Lifetime)}
            className="rounded border border-gray-300 bg-white px-1 py-1"
          >
            {LIFETIMES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {tp(`lifetimes.${minutes}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={pending}
          onClick={create}
          className="rounded border border-gray-400 px-3 py-1 disabled:opacity-50"
        >
          {t("create")}
        </button>
      </div>
      {result?.ok ? (
        <div className="mt-3 space-y-2">
          <div className="flex gap-2">
            <input
              readOnly
              value={result.url}
              dir="ltr"
              aria-label={tp("link")}
              onFocus={(event) => event.currentTarget.select()}
              className="w-full rounded border border-gray-300 bg-white px-2 py-1 text-start font-mono text-xs"
            />
            <button
              type="button"
              onClick={() => void navigator.clipboard?.writeText(result.url).then(() => setCopied(true))}
              className="shrink-0 rounded border border-gray-300 bg-white px-3 py-1 hover:bg-gray-50"
            >
              {copied ? tp("copied") : tp("copy")}
            </button>
          </div>
          <p className="text-gray-600">{tp("expires", { expires: expires(result.expiresAt) })}</p>
          <a href={result.url} target="_blank" rel="noreferrer" className="block font-semibold text-brand underline">
            {t("open")}
          </a>
        </div>
      ) : result ? (
        <p role="alert" className="mt-2 font-semibold text-red-700">
          {t(`errors.${result.error}`)}
        </p>
      ) : null}
      <button
        type="button"
        disabled={pending}
        onClick={revoke}
        className="mt-3 block text-start text-red-800 underline disabled:opacity-50"
      >
        {tp("revoke")}
      </button>
      {revoked ? (
        <p role="status" className="mt-1 text-gray-800">
          {revoked}
        </p>
      ) : null}
    </section>
  );
}
