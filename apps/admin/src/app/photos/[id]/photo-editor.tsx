"use client";
// A library photo's page body: the large image with its focal point, captions and alt texts in the three
// languages, credit and agency, saved together (a stale save keeps what was typed); and deleting the photo when
// no article uses it. Read-only without media.edit; the server re-checks every permission.
import Link from "next/link";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { directionOf, LOCALES, type Locale } from "@minbar/i18n";
import { renditionPath, renditionWidths } from "@minbar/media/urls";
import type { MediaUse } from "@minbar/db/editorial";
import { nameAsText } from "../../../components/localized-name.tsx";
import { photoTextIn, type LibraryPhoto } from "../../../components/media/library-photo.ts";
import { OutcomeNotice, type Notice } from "../../../lib/outcome-notice.tsx";
import type { ActionError } from "../../../lib/action-result.ts";
import { deletePhotoAction, savePhotoAction, type PhotoChanges } from "../../media/actions.ts";
import type { NamedOption } from "../../media/photo-options.ts";
import { FocalPoint } from "./focal-point.tsx";

type Props = {
  photo: LibraryPhoto & { focalX: number; focalY: number };
  credits: NamedOption[];
  sources: NamedOption[];
  canEdit: boolean;
  canDelete: boolean;
};

type Texts = Pick<PhotoChanges, "captionAr" | "captionRu" | "captionEn" | "altAr" | "altRu" | "altEn">;
const suffix = (locale: Locale) => (locale === "ar" ? "Ar" : locale === "ru" ? "Ru" : "En");

/** The widest rendition up to 1024 px, as WebP. */
const largeSrc = (photo: LibraryPhoto) => {
  if (!photo.renditionKey) return null;
  const widths = renditionWidths(photo.width).filter((width) => width <= 1024);
  return renditionPath(photo.renditionKey, `w${widths.at(-1) ?? 320}.webp`);
};

export function PhotoEditor({ photo, credits, sources, canEdit, canDelete }: Props) {
  const t = useTranslations("Media.photo");
  const tNames = useTranslations("Names");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(photo.version);
  const [texts, setTexts] = useState<Texts>({
    captionAr: photo.captionAr ?? "",
    captionRu: photo.captionRu ?? "",
    captionEn: photo.captionEn ?? "",
    altAr: photo.altAr ?? "",
    altRu: photo.altRu ?? "",
    altEn: photo.altEn ?? "",
  });
  const [creditId, setCreditId] = useState<number | null>(photo.credit?.id ?? null);
  const [sourceId, setSourceId] = useState<number | null>(photo.source?.id ?? null);
  const [focal, setFocal] = useState({ x: photo.focalX, y: photo.focalY });
  const [notice, setNotice] = useState<Notice | null>(null);

  const errorText = (error: ActionError) =>
    error.code === "forbidden" || error.code === "signed_out" || error.code === "not_found"
      ? t(`errors.${error.code}`)
      : error.code === "invalid"
        ? t("errors.invalid")
        : t("errors.failed");

  const save = () =>
    startTransition(async () => {
      setNotice(null);
      const result = await savePhotoAction({
        id: photo.id,
        version,
        ...texts,
        photoCreditId: creditId,
        sourceId,
        focalX: focal.x,
        focalY: focal.y,
      });
      if (!result.ok) return setNotice({ ok: false, text: errorText(result.error) });
      const outcome = result.value;
      setVersion(outcome.status === "saved" ? outcome.photo.version : outcome.version);
      if (outcome.status === "stale") return setNotice({ ok: false, text: t("stale") });
      setNotice({ ok: true, text: outcome.renditionsNeeded ? t("savedRecropping") : t("saved") });
      router.refresh();
    });

  const selectClass = "block w-full rounded border border-gray-300 bg-white px-2 py-1 disabled:bg-gray-50";
  const fieldClass = "block w-full rounded border border-gray-300 px-2 py-1 read-only:bg-gray-50";

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div>
        <FocalPoint
          src={largeSrc(photo)}
          alt={photoTextIn(photo, "alt", locale) ?? photo.fileName}
          width={photo.width}
          height={photo.height}
          x={focal.x}
          y={focal.y}
          {...(canEdit ? { onChange: (x: number, y: number) => setFocal({ x, y }) } : {})}
        />
      </div>
      <form
        className="space-y-4"
        aria-label={t("formLabel")}
        onSubmit={(event) => {
          event.preventDefault();
          if (canEdit) save();
        }}
      >
        {LOCALES.map((language) => (
          <fieldset key={language} className="rounded border border-gray-200 bg-white p-3">
            <legend className="px-1 text-sm font-semibold">{t(`languages.${language}`)}</legend>
            <label className="mb-2 block text-sm">
              {t("caption", { language: t(`languages.${language}`) })}
              <textarea
                lang={language}
                dir={directionOf(language)}
                rows={2}
                maxLength={2000}
                readOnly={!canEdit}
                value={texts[`caption${suffix(language)}`]}
                onChange={(event) => setTexts({ ...texts, [`caption${suffix(language)}`]: event.target.value })}
                className={fieldClass}
              />
            </label>
            <label className="block text-sm">
              {t("alt", { language: t(`languages.${language}`) })}
              <input
                lang={language}
                dir={directionOf(language)}
                maxLength={1000}
                readOnly={!canEdit}
                value={texts[`alt${suffix(language)}`]}
                onChange={(event) => setTexts({ ...texts, [`alt${suffix(language)}`]: event.target.value })}
                className={fieldClass}
              />
            </label>
          </fieldset>
        ))}
        <label className="block text-sm">
          {t("credit")}
          <select
            value={creditId ?? ""}
            disabled={!canEdit}
            onChange={(event) => setCreditId(event.target.value ? Number(event.target.value) : null)}
            className={selectClass}
          >
            <option value="">{t("noCredit")}</option>
            {credits.map((credit) => (
              <option key={credit.id} value={credit.id}>
                {nameAsText(credit, locale, tNames("inArabic"))}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          {t("source")}
          <select
            value={sourceId ?? ""}
            disabled={!canEdit}
            onChange={(event) => setSourceId(event.target.value ? Number(event.target.value) : null)}
            className={selectClass}
          >
            <option value="">{t("noSource")}</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {nameAsText(source, locale, tNames("inArabic"))}
              </option>
            ))}
          </select>
        </label>
        {canEdit ? (
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand px-4 py-1.5 font-semibold text-white disabled:opacity-60"
          >
            {pending ? t("saving") : t("save")}
          </button>
        ) : (
          <p className="text-sm text-gray-600">{t("readOnly")}</p>
        )}
        <div aria-live="polite">
          <OutcomeNotice notice={notice} />
        </div>
      </form>
      {canDelete ? <DeletePhoto id={photo.id} fileName={photo.fileName} /> : null}
    </div>
  );
}

function DeletePhoto({ id, fileName }: { id: number; fileName: string }) {
  const t = useTranslations("Media.photo.delete");
  const tPhoto = useTranslations("Media.photo");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<{ text: string; uses: MediaUse[] } | null>(null);

  const remove = () =>
    startTransition(async () => {
      const result = await deletePhotoAction(id);
      setConfirming(false);
      if (!result.ok) {
        const code = result.error.code;
        const text =
          code === "forbidden" || code === "signed_out" || code === "not_found"
            ? tPhoto(`errors.${code}`)
            : tPhoto("errors.failed");
        return setRefusal({ text, uses: [] });
      }
      if (!result.value.deleted) return setRefusal({ text: t("inUse", { file: fileName }), uses: result.value.uses });
      router.push("/media");
      router.refresh();
    });

  return (
    <section
      aria-labelledby="delete-photo-title"
      className="rounded-lg border border-red-200 bg-white p-4 lg:col-span-2"
    >
      <h2 id="delete-photo-title" className="mb-2 font-semibold">
        {t("title")}
      </h2>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="delete-photo-question" className="space-y-2">
          <p id="delete-photo-question">{t("question", { file: fileName })}</p>
          <div className="flex gap-2">
            <button
              type="button"
              onClick={remove}
              disabled={pending}
              className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-60"
            >
              {t("confirm")}
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="rounded border border-gray-300 bg-white px-3 py-1"
            >
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            setRefusal(null);
            setConfirming(true);
          }}
          className="rounded border border-red-300 bg-white px-3 py-1 text-red-800 hover:bg-red-50"
        >
          {t("button")}
        </button>
      )}
      {refusal ? (
        <div role="alert" className="mt-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{refusal.text}</p>
          {refusal.uses.length > 0 ? (
            <ul className="mt-1 list-disc ps-5">
              {refusal.uses.map((use) => (
                <li key={`${use.articleId}-${use.locale}-${use.lead}`}>
                  <Link href={`/articles/${use.articleId}/${use.locale}`} className="underline">
                    <bdi>{use.title ?? t("untitled", { id: use.articleId })}</bdi>
                  </Link>{" "}
                  ({use.lead ? t("asLead") : t("inBody")})
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
