"use client";
// Attribution shared by every language of the article: bylines (staff or outside contributors), the source
// agency (chosen, or created with its names in three languages), the photo credit and the lead photo (from the media
// library; an address elsewhere is kept for older articles).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { isolate } from "@minbar/i18n";
import type { AdminFilterOptions, ArticleForEditor } from "@minbar/db/editorial";
import { saveAttributionAction } from "../../app/articles/actions.ts";
import { useErrorText } from "./error-text.ts";
import { nameAsText } from "../localized-name.tsx";
import { PhotoPicker } from "./photo-picker.tsx";
import { photoPreview } from "./photo-view.ts";
import { photoTextIn } from "../media/library-photo.ts";

type LeadImage = { id: number; fileName: string; preview: string | null; caption: string | null };

type Byline = { kind: "user"; userId: number; name: string } | { kind: "contributor"; name: string };
type Names = { nameAr: string; nameRu: string; nameEn: string };

const NEW_SOURCE = "new";
const blankNames: Names = { nameAr: "", nameRu: "", nameEn: "" };

type Props = {
  article: ArticleForEditor["article"];
  options: AdminFilterOptions;
  canEdit: boolean;
  canCreateSource: boolean;
  /** May add photos to the library from the picker (media.upload). */
  canUploadPhotos: boolean;
};

export function AttributionPanel({ article, options, canEdit, canCreateSource, canUploadPhotos }: Props) {
  const t = useTranslations("Editor.attribution");
  const tNames = useTranslations("Names");
  const locale = useLocale();
  const router = useRouter();
  const errorText = useErrorText();
  const [pending, startTransition] = useTransition();
  const [bylines, setBylines] = useState<Byline[]>(() =>
    article.bylines.map((b) =>
      b.kind === "user" ? { kind: "user", userId: b.userId, name: b.name } : { kind: "contributor", name: b.name },
    ),
  );
  const [staffChoice, setStaffChoice] = useState("");
  const [contributor, setContributor] = useState("");
  const [source, setSource] = useState(article.source ? String(article.source.id) : "");
  const [section, setSection] = useState(article.sectionId ? String(article.sectionId) : "");
  // Retired sections cannot be chosen; the article's own stays listed so the select shows where it is.
  const sectionChoices = options.sections.filter((s) => !s.retired || s.id === article.sectionId);
  const [newSource, setNewSource] = useState<Names>(blankNames);
  const [credit, setCredit] = useState<Names>({
    nameAr: article.photoCredit?.nameAr ?? "",
    nameRu: article.photoCredit?.nameRu ?? "",
    nameEn: article.photoCredit?.nameEn ?? "",
  });
  const [photoUrl, setPhotoUrl] = useState(article.leadPhotoUrl ?? "");
  const [leadImage, setLeadImage] = useState<LeadImage | null>(() =>
    article.leadImage
      ? {
          id: article.leadImage.id,
          fileName: article.leadImage.fileName,
          preview: photoPreview(article.leadImage),
          caption: photoTextIn(article.leadImage, "caption", locale),
        }
      : null,
  );
  const [picking, setPicking] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const addStaff = () => {
    const user = options.authors.find((a) => String(a.id) === staffChoice);
    if (user && !bylines.some((b) => b.kind === "user" && b.userId === user.id))
      setBylines([...bylines, { kind: "user", userId: user.id, name: user.name }]);
    setStaffChoice("");
  };
  const addContributor = () => {
    const name = contributor.trim();
    if (name) setBylines([...bylines, { kind: "contributor", name }]);
    setContributor("");
  };

  const save = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await saveAttributionAction({
        articleId: article.id,
        expectedVersion: article.version,
        bylines: bylines.map((b) => (b.kind === "user" ? { userId: b.userId } : { contributorName: b.name })),
        source: source === "" ? null : source === NEW_SOURCE ? { create: newSource } : { id: Number(source) },
        photoCredit: credit.nameAr.trim() ? credit : null,
        leadPhotoUrl: photoUrl,
        leadImageId: leadImage?.id ?? null,
        ...(section ? { sectionId: Number(section) } : {}),
      });
      if (!result.ok) return setMessage({ tone: "error", text: errorText(result.error) });
      if ("conflict" in result.value) return setMessage({ tone: "error", text: t("conflict") });
      setMessage({ tone: "ok", text: t("saved") });
      setNewSource(blankNames);
      router.refresh();
    });

  const input = "w-full rounded border border-gray-300 bg-white px-2 py-1 disabled:bg-gray-50";
  const namesFields = (value: Names, onChange: (next: Names) => void, legend: string) => (
    <fieldset className="space-y-1">
      <legend className="text-sm font-semibold">{legend}</legend>
      {(
        [
          ["nameAr", "ar", "rtl"],
          ["nameRu", "ru", "ltr"],
          ["nameEn", "en", "ltr"],
        ] as const
      ).map(([key, lang, dir]) => (
        <label key={key} className="block text-xs">
          <span className="block text-gray-600">{t(`names.${lang}`)}</span>
          <input
            className={input}
            lang={lang}
            dir={dir}
            value={value[key]}
            disabled={!canEdit}
            maxLength={200}
            onChange={(event) => onChange({ ...value, [key]: event.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );

  return (
    <section
      aria-labelledby="attribution-title"
      className="space-y-3 rounded border border-gray-200 bg-white p-3 text-sm"
    >
      <h2 id="attribution-title" className="font-semibold">
        {t("title")}
      </h2>
      {canEdit ? null : <p className="rounded bg-gray-100 p-2 text-xs text-gray-700">{t("lockedNote")}</p>}

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("bylines")}</legend>
        {bylines.length === 0 ? <p className="text-gray-600">{t("noBylines")}</p> : null}
        <ol className="space-y-1">
          {bylines.map((byline, index) => (
            <li
              key={`${byline.kind}-${byline.kind === "user" ? byline.userId : byline.name}-${index}`}
              className="flex items-center justify-between gap-2"
            >
              <span>
                <bdi>{byline.name}</bdi>{" "}
                <span className="text-xs text-gray-600">({t(byline.kind === "user" ? "staff" : "contributor")})</span>
              </span>
              {canEdit ? (
                <button
                  type="button"
                  className="text-xs text-red-700 underline"
                  onClick={() => setBylines(bylines.filter((_, i) => i !== index))}
                >
                  {t("remove", { name: isolate(byline.name) })}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {canEdit ? (
          <>
            <div className="flex gap-1">
              <label className="sr-only" htmlFor="byline-staff">
                {t("addStaff")}
              </label>
              <select
                id="byline-staff"
                value={staffChoice}
                onChange={(event) => setStaffChoice(event.target.value)}
                className={input}
              >
                <option value="">{t("chooseStaff")}</option>
                {options.authors.map((author) => (
                  <option key={author.id} value={author.id}>
                    {isolate(author.name)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                onClick={addStaff}
                disabled={!staffChoice}
                className="rounded border border-gray-400 px-2 disabled:opacity-50"
              >
                {t("add")}
              </button>
            </div>
            <div className="flex gap-1">
              <label className="sr-only" htmlFor="byline-contributor">
                {t("addContributor")}
              </label>
              <input
                id="byline-contributor"
                dir="auto"
                placeholder={t("addContributor")}
                value={contributor}
                onChange={(event) => setContributor(event.target.value)}
                className={input}
                maxLength={200}
              />
              <button
                type="button"
                onClick={addContributor}
                disabled={!contributor.trim()}
                className="rounded border border-gray-400 px-2 disabled:opacity-50"
              >
                {t("add")}
              </button>
            </div>
          </>
        ) : null}
      </fieldset>

      <label className="block">
        <span className="block font-semibold">{t("section")}</span>
        <select
          value={section}
          onChange={(event) => setSection(event.target.value)}
          disabled={!canEdit}
          className={input}
          data-testid="article-section"
        >
          {section === "" ? <option value="">{t("noSection")}</option> : null}
          {sectionChoices.map((s) => (
            <option key={s.id} value={s.id} disabled={s.retired}>
              {(locale === "ru" ? s.nameRu : locale === "en" ? s.nameEn : s.nameAr) +
                (s.retired ? ` (${t("sectionRetired")})` : "")}
            </option>
          ))}
        </select>
      </label>

      <label className="block">
        <span className="block font-semibold">{t("source")}</span>
        <select
          value={source}
          onChange={(event) => setSource(event.target.value)}
          disabled={!canEdit}
          className={input}
        >
          <option value="">{t("noSource")}</option>
          {options.sources.map((s) => (
            <option key={s.id} value={s.id}>
              {nameAsText(s, locale, tNames("inArabic"))}
            </option>
          ))}
          {canCreateSource ? <option value={NEW_SOURCE}>{t("newSource")}</option> : null}
        </select>
      </label>
      {source === NEW_SOURCE ? namesFields(newSource, setNewSource, t("newSourceNames")) : null}

      {namesFields(credit, setCredit, t("photoCredit"))}

      <fieldset className="space-y-2" data-testid="lead-image">
        <legend className="font-semibold">{t("leadImage")}</legend>
        {leadImage ? (
          <figure className="space-y-1">
            {leadImage.preview ? (
              // eslint-disable-next-line @next/next/no-img-element -- a rendition already sized for this panel
              <img src={leadImage.preview} alt="" className="max-h-48 w-full rounded object-contain" />
            ) : null}
            <figcaption className="text-xs text-gray-700">{leadImage.caption ?? leadImage.fileName}</figcaption>
          </figure>
        ) : (
          <p className="text-gray-600">{t("noLeadImage")}</p>
        )}
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => setPicking(true)}
              className="rounded border border-gray-300 bg-white px-3 py-1 hover:bg-gray-50"
            >
              {leadImage ? t("changeLeadImage") : t("chooseLeadImage")}
            </button>
            {leadImage ? (
              <button
                type="button"
                onClick={() => setLeadImage(null)}
                className="rounded border border-gray-300 bg-white px-3 py-1 hover:bg-red-50"
              >
                {t("removeLeadImage")}
              </button>
            ) : null}
          </div>
        ) : null}
        <p className="text-xs text-gray-600">{t("leadImageNote")}</p>
        <PhotoPicker
          open={picking}
          canUpload={canUploadPhotos}
          onClose={() => setPicking(false)}
          onPick={(photo) =>
            setLeadImage({
              id: photo.id,
              fileName: photo.fileName,
              preview: photoPreview(photo),
              caption: photoTextIn(photo, "caption", locale),
            })
          }
        />
      </fieldset>

      <label className="block">
        <span className="block font-semibold">{t("leadPhoto")}</span>
        <input
          type="url"
          dir="ltr"
          value={photoUrl}
          onChange={(event) => setPhotoUrl(event.target.value)}
          disabled={!canEdit}
          placeholder="https://"
          className={input}
          maxLength={2048}
        />
      </label>

      {canEdit ? (
        <button
          type="button"
          onClick={save}
          disabled={pending}
          className="rounded bg-brand px-3 py-1.5 font-semibold text-white disabled:opacity-50"
        >
          {t("save")}
        </button>
      ) : null}
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? "font-semibold text-red-700" : "text-emerald-800"}
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
