"use client";
// The translation's body beside the original's, block by block: each translated block sits in a row with the original
// block it translates (each in its own language, direction and font), so a subheading lines up with its translation.
// The translator may change a block's kind, add, merge or drop blocks; original blocks changed since the translation
// was made are marked, with a word diff.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ArticleBlock, SourceBlockChange, TranslationSource } from "@minbar/db/editorial";
import { directionOf, type Locale } from "@minbar/i18n";
import { DiffSegments } from "./diff-segments.tsx";

export type SourceView = Pick<TranslationSource, "locale" | "title" | "summary" | "blocks" | "changes">;

const TYPES = ["paragraph", "heading", "quote", "list_item"] as const;
type BlockType = (typeof TYPES)[number];

const newId = () => crypto.randomUUID().replaceAll("-", "").slice(0, 12);

function retype(block: ArticleBlock, type: BlockType | "figure"): ArticleBlock {
  // A photo stays a photo: its text is the caption, translated like any other block.
  if (block.type === "figure" || type === "figure") return block;
  const { id, sourceId, text } = block;
  const ids = { ...(id ? { id } : {}), ...(sourceId ? { sourceId } : {}) };
  return type === "list_item"
    ? { type, text, ...ids, ordered: block.type === "list_item" && block.ordered }
    : { type, text, ...ids };
}

/** One original block's text, with its change since the translation when there is one. */
export function SourceText({
  text,
  change,
  locale,
  heading = false,
}: {
  text: string | null;
  change: SourceBlockChange | undefined;
  locale: Locale;
  heading?: boolean;
}) {
  const t = useTranslations("Translation");
  const kind = change?.kind ?? "same";
  const tone =
    kind === "changed"
      ? "border-amber-400 bg-amber-50"
      : kind === "added"
        ? "border-sky-400 bg-sky-50"
        : "border-gray-200 bg-gray-50";
  return (
    <div className={`rounded border p-2 ${tone}`} data-source-change={kind}>
      {kind !== "same" ? (
        <p className="mb-1 text-xs font-semibold text-amber-900">{kind === "changed" ? t("changed") : t("added")}</p>
      ) : null}
      <p lang={locale} dir={directionOf(locale)} className={heading ? "font-bold" : undefined}>
        {change?.kind === "changed" ? <DiffSegments segments={change.segments} /> : text}
      </p>
    </div>
  );
}

export function TranslationRows({
  source,
  initial,
  locale,
  canEdit,
  onChange,
}: {
  source: SourceView;
  initial: ArticleBlock[];
  locale: Locale;
  canEdit: boolean;
  onChange: (blocks: ArticleBlock[]) => void;
}) {
  const t = useTranslations("Translation");
  const tLocales = useTranslations("Locales");
  const [blocks, setBlocks] = useState<ArticleBlock[]>(initial);
  const update = (next: ArticleBlock[]) => {
    setBlocks(next);
    onChange(next);
  };
  const byId = new Map(source.blocks.map((block, index) => [block.id ?? `#${index}`, index]));
  const covered = new Set(blocks.map((block) => block.sourceId).filter(Boolean));
  // Original blocks no translated block names yet (new in the original, or dropped by the translator).
  const uncovered = source.blocks.flatMap((block, index) => (block.id && !covered.has(block.id) ? [index] : []));
  const dir = directionOf(locale);

  const set = (index: number, block: ArticleBlock) => update(blocks.map((b, i) => (i === index ? block : b)));
  const addAfter = (index: number, block: ArticleBlock) =>
    update([...blocks.slice(0, index + 1), block, ...blocks.slice(index + 1)]);
  const merge = (index: number) => {
    const next = blocks[index + 1];
    if (!next) return;
    const merged = { ...blocks[index]!, text: [blocks[index]!.text, next.text].filter(Boolean).join(" ") };
    if ("links" in merged) delete merged.links;
    update([...blocks.slice(0, index), merged, ...blocks.slice(index + 2)]);
  };
  const drop = (index: number) => update(blocks.filter((_, i) => i !== index));
  /** Where a translation of an uncovered original block goes: after the block translating its predecessor. */
  const insertFor = (sourceIndex: number) => {
    const original = source.blocks[sourceIndex]!;
    const before = new Set(source.blocks.slice(0, sourceIndex).map((block) => block.id));
    let at = -1;
    blocks.forEach((block, index) => {
      if (block.sourceId && before.has(block.sourceId)) at = index;
    });
    const empty: ArticleBlock =
      original.type === "figure" ? { ...original, text: "" } : retype({ ...original, text: "" }, original.type);
    if ("alt" in empty) delete empty.alt;
    if ("credit" in empty) delete empty.credit;
    addAfter(at, { ...empty, id: newId(), sourceId: original.id! });
  };

  const sourceLang = tLocales(source.locale);
  const button = "rounded border border-gray-300 bg-white px-2 py-0.5 text-xs disabled:opacity-50";
  return (
    <div className="space-y-2" data-testid="translation-rows">
      <div className="grid grid-cols-2 gap-3 text-sm font-semibold">
        <span>{t("original", { language: sourceLang })}</span>
        <span>{t("translation", { language: tLocales(locale) })}</span>
      </div>
      {blocks.map((block, index) => {
        const sourceIndex = block.sourceId ? byId.get(block.sourceId) : undefined;
        const original = sourceIndex !== undefined ? source.blocks[sourceIndex] : undefined;
        const label =
          block.type === "figure" ? t("figureCaption", { number: index + 1 }) : t("block", { number: index + 1 });
        return (
          <div key={block.id ?? index} className="grid grid-cols-2 items-start gap-3" data-row={index}>
            {original ? (
              <SourceText
                text={original.text}
                change={source.changes?.blocks[sourceIndex!]}
                locale={source.locale}
                heading={original.type === "heading"}
              />
            ) : (
              <p className="p-2 text-xs text-gray-600">{t("noSource")}</p>
            )}
            <div className="space-y-1">
              <textarea
                aria-label={label}
                lang={locale}
                dir={dir}
                disabled={!canEdit}
                rows={block.type === "heading" ? 1 : 3}
                className={`w-full rounded border border-gray-300 bg-white px-2 py-1 ${block.type === "heading" ? "font-bold" : ""}`}
                value={block.text}
                onChange={(event) => {
                  const next = { ...block, text: event.target.value };
                  // Link ranges point into the old text; a retyped block keeps none.
                  if ("links" in next) delete next.links;
                  set(index, next);
                }}
              />
              {canEdit ? (
                <div className="flex flex-wrap gap-1">
                  {block.type === "figure" ? null : (
                    <select
                      aria-label={t("blockType", { number: index + 1 })}
                      className={button}
                      value={block.type}
                      onChange={(event) => set(index, retype(block, event.target.value as BlockType))}
                    >
                      {TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`types.${type}`)}
                        </option>
                      ))}
                    </select>
                  )}
                  <button
                    type="button"
                    className={button}
                    onClick={() => addAfter(index, { type: "paragraph", text: "", id: newId() })}
                  >
                    {t("addAfter")}
                  </button>
                  <button
                    type="button"
                    className={button}
                    disabled={
                      index === blocks.length - 1 || block.type === "figure" || blocks[index + 1]?.type === "figure"
                    }
                    onClick={() => merge(index)}
                  >
                    {t("mergeNext")}
                  </button>
                  <button type="button" className={button} onClick={() => drop(index)}>
                    {t("drop")}
                  </button>
                </div>
              ) : null}
            </div>
          </div>
        );
      })}
      {uncovered.map((sourceIndex) => (
        <div key={`source-${sourceIndex}`} className="grid grid-cols-2 items-start gap-3">
          <SourceText
            text={source.blocks[sourceIndex]!.text}
            change={source.changes?.blocks[sourceIndex]}
            locale={source.locale}
            heading={source.blocks[sourceIndex]!.type === "heading"}
          />
          <div>
            {canEdit ? (
              <button type="button" className={button} onClick={() => insertFor(sourceIndex)}>
                {t("translateThis")}
              </button>
            ) : null}
          </div>
        </div>
      ))}
      {source.changes && source.changes.removed.length > 0 ? (
        <div className="rounded border border-red-300 bg-red-50 p-2 text-sm" data-source-change="removed">
          <p className="text-xs font-semibold text-red-900">{t("removedBlocks")}</p>
          {source.changes.removed.map((block, index) => (
            <p key={index} lang={source.locale} dir={directionOf(source.locale)} className="line-through">
              {block.text}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
