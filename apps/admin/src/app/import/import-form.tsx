"use client";
// Holds the chosen files between preview and import (they are sent again on import: nothing is kept on the server)
// and shows what the server said about each.
import Link from "next/link";
import { useState, useTransition, type ChangeEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { directionOf, formatInteger, formatPublicationDate, type Locale } from "@minbar/i18n";
import { WarningChip } from "../../components/warning-chip.tsx";
import { findArticlesAction, importFilesAction, previewImportAction } from "./actions.ts";
import type { ArticleMatch, FileView, ImportView } from "./import-view.ts";

type Props = {
  maxFiles: number;
  maxBytes: number;
  mayImportNew: boolean;
  mayAttach: boolean;
  /** The active sections new articles may be filed under, the default one marked. */
  sections: { id: number; name: string; isDefault: boolean }[];
};

type LimitError = "no_files" | "too_many_files" | "too_many_bytes" | "no_article";

/** New articles, each in its text's language, or the texts as an existing article's translation. */
type Mode = "new" | "attach";

function checkChoice(files: File[], maxFiles: number, maxBytes: number): LimitError | null {
  if (files.length === 0) return "no_files";
  if (files.length > maxFiles) return "too_many_files";
  if (files.reduce((sum, file) => sum + file.size, 0) > maxBytes) return "too_many_bytes";
  return null;
}

export function ImportForm({ maxFiles, maxBytes, mayImportNew, mayAttach, sections }: Props) {
  const t = useTranslations("Import");
  const locale = useLocale();
  const [mode, setMode] = useState<Mode>(mayImportNew ? "new" : "attach");
  const [target, setTarget] = useState<number | null>(null);
  const [section, setSection] = useState(String(sections.find((s) => s.isDefault)?.id ?? ""));
  const [files, setFiles] = useState<File[]>([]);
  const [view, setView] = useState<ImportView | null>(null);
  const [choiceError, setChoiceError] = useState<LimitError | null>(null);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState(false);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    setFiles(chosen);
    setView(null);
    setFailure(false);
    setChoiceError(chosen.length === 0 ? null : checkChoice(chosen, maxFiles, maxBytes));
  };

  const send = (action: (data: FormData) => Promise<ImportView>) => {
    const problem =
      checkChoice(files, maxFiles, maxBytes) ?? (mode === "attach" && target === null ? "no_article" : null);
    setChoiceError(problem);
    if (problem) return;
    const data = new FormData();
    for (const file of files) data.append("files", file, file.name);
    if (mode === "attach" && target !== null) data.append("translationOf", String(target));
    if (mode === "new" && section !== "") data.append("sectionId", section);
    setFailure(false);
    startTransition(async () => {
      try {
        setView(await action(data));
      } catch {
        // The server could not be reached or failed unexpectedly; the chosen files are still here to try again.
        setFailure(true);
      }
    });
  };

  // What was previewed is what gets imported: another choice of mode or article asks for a new preview.
  const changeTarget = (next: { mode: Mode; target: number | null }) => {
    setMode(next.mode);
    setTarget(next.target);
    setView(null);
    setChoiceError(null);
  };

  const previewed = view?.ok === true;
  return (
    <div className="space-y-6">
      {mayImportNew && mayAttach ? (
        <fieldset className="rounded-lg bg-white p-4 shadow-sm">
          <legend className="px-1 font-semibold">{t("mode.legend")}</legend>
          {(["new", "attach"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 py-1">
              <input
                type="radio"
                name="import-mode"
                value={value}
                checked={mode === value}
                onChange={() => changeTarget({ mode: value, target: null })}
              />
              {t(`mode.${value}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {mode === "new" && sections.length > 0 ? (
        <div className="rounded-lg bg-white p-4 shadow-sm">
          <label htmlFor="import-section" className="mb-2 block font-semibold">
            {t("section")}
          </label>
          <select
            id="import-section"
            value={section}
            onChange={(event) => {
              setSection(event.target.value);
              setView(null);
            }}
            className="rounded border border-gray-300 bg-white px-2 py-1"
          >
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.isDefault ? t("sectionDefault", { name: s.name }) : s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {mode === "attach" ? (
        <ArticlePicker target={target} onChoose={(articleId) => changeTarget({ mode: "attach", target: articleId })} />
      ) : null}
      <div className="rounded-lg bg-white p-4 shadow-sm">
        <label htmlFor="import-files" className="mb-2 block font-semibold">
          {t("chooseFiles")}
        </label>
        {/* The browser's own file button speaks the browser's language; this one speaks the interface's. */}
        <input
          id="import-files"
          name="files"
          type="file"
          multiple
          accept=".txt,text/plain"
          onChange={choose}
          className="peer sr-only"
        />
        <label
          htmlFor="import-files"
          className="inline-block cursor-pointer rounded bg-brand-soft px-3 py-1.5 text-sm font-semibold text-brand peer-focus-visible:ring-2 peer-focus-visible:ring-brand"
        >
          {t("chooseButton")}
        </label>
        {files.length > 0 ? (
          <p className="mt-2 text-sm text-gray-600">{t("chosen", { count: formatInteger(files.length, locale) })}</p>
        ) : null}
        {choiceError ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {t(`errors.${choiceError}`)}
          </p>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            type="button"
            onClick={() => send(previewImportAction)}
            disabled={pending || files.length === 0}
            className="rounded border border-brand px-4 py-2 font-semibold text-brand hover:bg-brand-soft disabled:opacity-50"
          >
            {t("preview")}
          </button>
          <button
            type="button"
            onClick={() => send(importFilesAction)}
            disabled={pending || !previewed}
            className="rounded bg-brand px-4 py-2 font-semibold text-white hover:opacity-90 disabled:opacity-50"
          >
            {t("import")}
          </button>
          {pending ? (
            <span role="status" className="self-center text-sm text-gray-600">
              {t("working")}
            </span>
          ) : null}
        </div>
        {failure ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {t("errors.unexpected")}
          </p>
        ) : null}
      </div>
      {view ? <Results view={view} /> : null}
    </div>
  );
}

/** The title search: the articles it finds, one to choose as the one the uploaded texts translate. */
function ArticlePicker({ target, onChoose }: { target: number | null; onChoose: (articleId: number) => void }) {
  const t = useTranslations("Import");
  const tLocales = useTranslations("Locales");
  const locale = useLocale();
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<ArticleMatch[] | null>(null);
  const [searching, startSearch] = useTransition();
  const search = () => {
    startSearch(async () => {
      setMatches(await findArticlesAction(query).catch(() => []));
    });
  };
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          search();
        }}
        className="flex flex-wrap items-end gap-2"
      >
        <label className="flex flex-col gap-1">
          <span className="font-semibold">{t("attach.search")}</span>
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            className="rounded border border-gray-300 px-2 py-1"
          />
        </label>
        <button
          type="submit"
          disabled={searching || query.trim() === ""}
          className="rounded border border-brand px-3 py-1 font-semibold text-brand hover:bg-brand-soft disabled:opacity-50"
        >
          {t("attach.find")}
        </button>
      </form>
      {matches !== null && matches.length === 0 ? (
        <p role="status" className="mt-2 text-sm text-gray-600">
          {t("attach.none")}
        </p>
      ) : null}
      {matches && matches.length > 0 ? (
        <fieldset className="mt-3">
          <legend className="mb-1 text-sm text-gray-700">{t("attach.choose")}</legend>
          {matches.map((match) => (
            <label key={match.articleId} className="flex items-start gap-2 py-1">
              <input
                type="radio"
                name="import-target"
                value={match.articleId}
                checked={target === match.articleId}
                onChange={() => onChoose(match.articleId)}
                className="mt-1.5"
              />
              <span>
                <span className="text-sm text-gray-600">
                  {t("attach.article", { number: formatInteger(match.articleId, locale) })}
                </span>
                {match.titles.map((title) => (
                  <span key={title.locale} className="block">
                    <span className="text-xs text-gray-500">{tLocales(title.locale)}: </span>
                    <bdi lang={title.locale} dir={directionOf(title.locale)}>
                      {title.title}
                    </bdi>
                  </span>
                ))}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {target !== null ? (
        <p className="mt-2 text-sm font-semibold" data-testid="import-target">
          {t("attach.chosen", { number: formatInteger(target, locale) })}
        </p>
      ) : null}
    </div>
  );
}

function Results({ view }: { view: ImportView }) {
  const t = useTranslations("Import");
  const locale = useLocale();
  if (!view.ok) {
    return (
      <p role="alert" className="rounded bg-red-50 p-3 text-red-800">
        {t(`errors.${view.error}`)}
      </p>
    );
  }
  const number = (value: number) => formatInteger(value, locale);
  return (
    <section aria-labelledby="import-results-heading" className="space-y-4">
      <h2 id="import-results-heading" className="text-xl font-bold">
        {view.dryRun ? t("previewHeading") : t("resultHeading")}
      </h2>
      <p className="font-semibold" data-testid="import-summary">
        {t(view.dryRun ? "summaryDryRun" : "summary", {
          total: number(view.files.length),
          created: number(view.counts.created),
          updated: number(view.counts.updated),
          unchanged: number(view.counts.unchanged),
          failed: number(view.counts.failed),
        })}
      </p>
      {view.dryRun ? <p className="text-sm text-gray-600">{t("nothingWritten")}</p> : null}
      <ul className="space-y-4">
        {view.files.map((file, index) => (
          <FileResult key={`${index}-${file.name}`} file={file} dryRun={view.dryRun} attached={view.attached} />
        ))}
      </ul>
    </section>
  );
}

const OUTCOME_STYLES: Record<FileView["outcome"], string> = {
  created: "bg-emerald-100 text-emerald-900",
  updated: "bg-sky-100 text-sky-900",
  unchanged: "bg-gray-200 text-gray-800",
  failed: "bg-red-100 text-red-800",
};

function FileResult({ file, dryRun, attached }: { file: FileView; dryRun: boolean; attached: boolean }) {
  const t = useTranslations("Import");
  const { article } = file;
  // The wire text is Arabic whatever the interface language: its direction and date follow the text.
  const contentLocale: Locale = article?.locale ?? "ar";
  const dir = directionOf(contentLocale);
  return (
    <li className="rounded-lg bg-white p-4 shadow-sm" data-testid="import-file">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <span dir="ltr" className="font-mono text-sm">
          {file.name}
        </span>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${OUTCOME_STYLES[file.outcome]}`}
          data-testid="import-outcome"
        >
          {t(`${dryRun ? "wouldBe" : "outcome"}.${attached && file.outcome === "created" ? "attached" : file.outcome}`)}
        </span>
        {!dryRun && file.articleId !== null && article ? (
          <Link href={`/articles/${file.articleId}/${article.locale}`} className="text-sm text-brand underline">
            {t("open")}
          </Link>
        ) : null}
      </div>
      {file.error ? (
        <p role="alert" className="text-sm text-red-800">
          {t(`parseErrors.${file.error.code}`)}
          {file.error.code === "database" ? <span dir="ltr"> ({file.error.detail})</span> : null}
        </p>
      ) : null}
      {file.warnings.length > 0 ? (
        <ul aria-label={t("fields.warnings")} className="mb-2 flex flex-wrap gap-1">
          {file.warnings.map((warning, index) => (
            <WarningChip
              key={`${warning.code}-${index}`}
              code={warning.code}
              className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-900"
            />
          ))}
        </ul>
      ) : null}
      {article ? (
        <div className="space-y-2">
          {article.title ? (
            <h3 lang={contentLocale} dir={dir} className="text-lg font-bold">
              {article.title}
            </h3>
          ) : (
            <p>
              <span className="font-semibold text-red-700">{t("fields.noTitle")}</span>
              {article.provisionalTitle ? (
                <>
                  {" "}
                  <span className="text-gray-700">{t("fields.provisionalTitle")}:</span>{" "}
                  <bdi lang={contentLocale} dir={dir} className="font-semibold">
                    {article.provisionalTitle}
                  </bdi>
                </>
              ) : null}
            </p>
          )}
          <p className="text-sm text-gray-600">
            {article.publishedOn ? (
              <time lang={contentLocale} dateTime={article.publishedOn}>
                {formatPublicationDate(new Date(`${article.publishedOn}T12:00:00Z`), contentLocale)}
              </time>
            ) : (
              t("fields.noDate")
            )}
          </p>
          <div
            lang={contentLocale}
            dir={dir}
            aria-label={t("fields.text")}
            className="max-h-72 space-y-2 overflow-y-auto rounded border border-gray-100 p-3 text-sm"
          >
            {article.blocks.map((block, index) =>
              block.type === "heading" ? (
                <h4 key={index} className="pt-2 font-bold text-brand">
                  {block.text}
                </h4>
              ) : (
                <p key={index}>{block.text}</p>
              ),
            )}
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            <dt className="text-gray-600">{t("fields.source")}</dt>
            <dd>
              {article.source ? (
                <bdi lang={contentLocale} dir={dir}>
                  {article.source}
                </bdi>
              ) : (
                t("fields.none")
              )}
            </dd>
            <dt className="text-gray-600">{t("fields.photoCredit")}</dt>
            <dd>
              {article.photoCredit ? (
                <bdi lang={contentLocale} dir={dir}>
                  {article.photoCredit}
                </bdi>
              ) : (
                t("fields.none")
              )}
            </dd>
          </dl>
        </div>
      ) : null}
    </li>
  );
}
