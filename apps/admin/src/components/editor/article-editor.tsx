"use client";
// The text of one language of an article: fields, the rich-text body, autosave with a conflict view, presence,
// and the workflow moves (which save first, so a move always acts on the text on screen).
import { useCallback, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { blocksToDoc, docToBlocks, type PmNode } from "./rich-text.ts";
import { Toolbar } from "./toolbar.tsx";
import { WorkflowButtons, type MoveOption } from "./workflow-buttons.tsx";
import type { ActionResult } from "../../lib/action-result.ts";
import { useErrorText, type EditorError } from "./error-text.ts";
import { announceSaved } from "./saved-events.ts";
import type { LocalizationSnapshot, SaveResult } from "@minbar/db/editorial";
import { directionOf, isolate } from "@minbar/i18n";
import { heartbeatAction, saveTextAction, type SaveTextOutcome } from "../../app/articles/actions.ts";
import { DateTimeField } from "../date-time-field.tsx";

export type EditableLocalization = Pick<
  LocalizationSnapshot,
  "id" | "articleId" | "locale" | "version" | "title" | "summary" | "slug" | "body" | "photoAlt"
> & {
  /** yyyy-mm-dd in the newsroom's calendar, or "" when the story has no date yet. */
  storyDate: string;
};

type Props = {
  localization: EditableLocalization;
  tags: string[];
  canEdit: boolean;
  canEditTags: boolean;
  moves: MoveOption[];
  /** The newsroom's time zone, named in the interface language: a schedule is typed in it. */
  timeZoneName: string;
};

type Fields = { title: string; summary: string; slug: string; photoAlt: string; storyDate: string; tags: string };

type SaveState =
  | { kind: "saved" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; error: EditorError }
  | { kind: "conflict"; theirs: Extract<SaveResult, { status: "conflict" }>["current"] };

const AUTOSAVE_DELAY_MS = 1500;
const HEARTBEAT_MS = 20_000;

function fieldsOf(l: EditableLocalization, tags: string[]): Fields {
  return {
    title: l.title ?? "",
    summary: l.summary ?? "",
    slug: l.slug,
    photoAlt: l.photoAlt ?? "",
    storyDate: l.storyDate,
    tags: tags.join("، "),
  };
}

/** Tags are typed as a list separated by Arabic or Latin commas. */
const tagList = (text: string) => [
  ...new Set(
    text
      .split(/[,،]/)
      .map((tag) => tag.trim())
      .filter(Boolean),
  ),
];

export function ArticleEditor({ localization, tags, canEdit, canEditTags, moves, timeZoneName }: Props) {
  const t = useTranslations("Editor");
  const router = useRouter();
  const dir = directionOf(localization.locale);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(localization, tags));
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  const [others, setOthers] = useState<string[]>([]);
  const version = useRef(localization.version);
  // The story's date is sent only when changed here, so a save never moves a published article's time.
  const savedDate = useRef(localization.storyDate);
  const fieldsRef = useRef(fields);
  const dirty = useRef(false);
  const saving = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [, startTransition] = useTransition();

  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2] },
        // Only what the block model stores is offered, so nothing typed is silently dropped on save.
        bold: false,
        italic: false,
        strike: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        underline: false,
        link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"], defaultProtocol: "https" },
      }),
    ],
    content: blocksToDoc(localization.body),
    editable: canEdit,
    immediatelyRender: false,
    injectNonce: documentNonce(),
    editorProps: {
      attributes: {
        dir,
        lang: localization.locale,
        "aria-label": t("fields.body"),
        "aria-multiline": "true",
        role: "textbox",
        class:
          "prose-article min-h-[24rem] rounded-b border border-gray-300 bg-white px-4 py-3 focus:outline-2 focus:outline-brand",
      },
    },
    // Only mark the text changed here: serializing a long article on every keystroke would make typing lag.
    onUpdate: () => markDirty(),
  });

  const save = useCallback(async (): Promise<boolean> => {
    if (saving.current) await saving.current;
    if (!dirty.current || !editor) return true;
    dirty.current = false;
    const current = fieldsRef.current;
    const run = (async () => {
      setState({ kind: "saving" });
      let result: ActionResult<SaveTextOutcome>;
      try {
        result = await saveTextAction({
          localizationId: localization.id,
          expectedVersion: version.current,
          title: current.title,
          summary: current.summary,
          slug: current.slug,
          body: docToBlocks(editor.getJSON() as PmNode),
          photoAlt: current.photoAlt,
          ...(current.storyDate && current.storyDate !== savedDate.current ? { publishedAt: current.storyDate } : {}),
          ...(canEditTags ? { tags: tagList(current.tags) } : {}),
        });
      } catch {
        dirty.current = true;
        setState({ kind: "error", error: { code: "invalid", detail: t("errors.network") } });
        return false;
      }
      if (!result.ok) {
        dirty.current = true;
        setState({ kind: "error", error: result.error });
        return false;
      }
      if (result.value.status === "conflict") {
        dirty.current = true;
        setState({ kind: "conflict", theirs: result.value.current });
        return false;
      }
      if (result.value.status === "slug_taken") {
        dirty.current = true;
        setState({ kind: "error", error: { code: "slug_taken" } });
        return false;
      }
      version.current = result.value.version;
      announceSaved({ localizationId: localization.id, version: result.value.version });
      savedDate.current = current.storyDate;
      setState(dirty.current ? { kind: "dirty" } : { kind: "saved" });
      return true;
    })();
    saving.current = run;
    try {
      return await run;
    } finally {
      saving.current = null;
    }
  }, [editor, localization.id, canEditTags, t]);

  const markDirty = useCallback(() => {
    dirty.current = true;
    setState((previous) => (previous.kind === "conflict" ? previous : { kind: "dirty" }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  }, [save]);

  const setField = (name: keyof Fields, value: string) => {
    const next = { ...fieldsRef.current, [name]: value };
    fieldsRef.current = next;
    setFields(next);
    markDirty();
  };

  // Leaving with unsaved text asks first (the browser shows its own wording).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty.current && !saving.current) return;
      event.preventDefault();
      // Older engines ask only when returnValue is a non-empty string; the browser shows its own wording.
      event.returnValue = "unsaved";
    };
    // In-app links navigate without unloading the page, so they are asked here, before Next's router sees the click.
    const guardLinks = (event: MouseEvent) => {
      if (!dirty.current && !saving.current) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      if (link.getAttribute("target") === "_blank") return;
      if (window.confirm(t("leaveUnsaved"))) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", guardLinks, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", guardLinks, true);
    };
  }, [t]);

  // Presence: say we are here, learn who else is.
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const result = await heartbeatAction(localization.id).catch(() => null);
      if (!stopped && result?.ok) setOthers(result.value.map((other) => other.name));
    };
    void beat();
    const interval = setInterval(() => void beat(), HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(interval);
    };
  }, [localization.id]);

  /** Their text replaces the editor's content; mine is gone by the user's explicit choice. */
  const takeTheirs = () => {
    if (state.kind !== "conflict" || !editor) return;
    const theirs = state.theirs;
    version.current = theirs.version;
    const next = fieldsOf(
      { ...localization, ...theirs, storyDate: fieldsRef.current.storyDate },
      tagList(fieldsRef.current.tags),
    );
    fieldsRef.current = next;
    setFields(next);
    editor.commands.setContent(blocksToDoc(theirs.body), { emitUpdate: false });
    dirty.current = false;
    setState({ kind: "saved" });
  };

  /** Mine is saved over theirs, having seen theirs: the replaced text stays in the history as a revision. */
  const keepMine = () => {
    if (state.kind !== "conflict") return;
    version.current = state.theirs.version;
    dirty.current = true;
    void save();
  };

  const beforeMove = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    const ok = await save();
    return ok ? version.current : null;
  }, [save]);

  const afterMove = useCallback(
    (newVersion: number) => {
      version.current = newVersion;
      startTransition(() => router.refresh());
    },
    [router],
  );

  const input = "w-full rounded border border-gray-300 bg-white px-3 py-2 disabled:bg-gray-50";
  // Fields holding the article's own text take its language and direction, whatever the interface's.
  const asContent = { dir, lang: localization.locale, disabled: !canEdit };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <SaveStatus state={state} />
        {others.length > 0 ? (
          <p role="status" className="rounded bg-amber-50 px-2 py-1 text-amber-900">
            {t("presence", { names: others.map(isolate).join("، ") })}
          </p>
        ) : null}
      </div>

      {moves.length > 0 ? (
        <WorkflowButtons
          localizationId={localization.id}
          moves={moves}
          timeZoneName={timeZoneName}
          beforeMove={beforeMove}
          afterMove={afterMove}
        />
      ) : null}

      {state.kind === "conflict" ? (
        <ConflictPanel theirs={state.theirs} onTakeTheirs={takeTheirs} onKeepMine={keepMine} />
      ) : null}

      <Field label={t("fields.title")}>
        <input
          className={`${input} text-xl font-bold`}
          {...asContent}
          value={fields.title}
          maxLength={500}
          onChange={(event) => setField("title", event.target.value)}
        />
      </Field>
      <Field label={t("fields.summary")}>
        <textarea
          className={input}
          {...asContent}
          rows={2}
          maxLength={2000}
          value={fields.summary}
          onChange={(event) => setField("summary", event.target.value)}
        />
      </Field>

      <div>
        {/* The editor names itself (aria-label); this is the visible caption. */}
        <span className="mb-1 block text-sm font-semibold">{t("fields.body")}</span>
        {canEdit && editor ? <Toolbar editor={editor} /> : null}
        <EditorContent editor={editor} />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.slug")} hint={t("fields.slugHint")} hintId="slug-hint">
          <input
            className={input}
            dir="auto"
            value={fields.slug}
            maxLength={200}
            disabled={!canEdit}
            onChange={(event) => setField("slug", event.target.value)}
            aria-describedby="slug-hint"
          />
        </Field>
        <DateTimeField
          label={t("fields.storyDate")}
          value={fields.storyDate}
          withTime={false}
          disabled={!canEdit}
          onChange={(value) => setField("storyDate", value)}
        />
        <Field label={t("fields.tags")} hint={t("fields.tagsHint")} hintId="tags-hint">
          <input
            className={input}
            {...asContent}
            disabled={!canEdit || !canEditTags}
            value={fields.tags}
            onChange={(event) => setField("tags", event.target.value)}
            aria-describedby="tags-hint"
          />
        </Field>
        <Field label={t("fields.photoAlt")}>
          <input
            className={input}
            {...asContent}
            value={fields.photoAlt}
            maxLength={500}
            onChange={(event) => setField("photoAlt", event.target.value)}
          />
        </Field>
      </div>
    </div>
  );
}

function Field({
  label,
  hint,
  hintId,
  children,
}: {
  label: string;
  hint?: string;
  hintId?: string;
  children: ReactNode;
}) {
  return (
    <label className="block">
      <span className="mb-1 block text-sm font-semibold">{label}</span>
      {children}
      {hint ? (
        <span id={hintId} className="mt-1 block text-xs text-gray-600">
          {hint}
        </span>
      ) : null}
    </label>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const t = useTranslations("Editor");
  const errorText = useErrorText();
  const text =
    state.kind === "saved"
      ? t("state.saved")
      : state.kind === "dirty"
        ? t("state.dirty")
        : state.kind === "saving"
          ? t("state.saving")
          : state.kind === "conflict"
            ? t("state.conflict")
            : t("state.error", { reason: errorText(state.error) });
  const tone =
    state.kind === "error" || state.kind === "conflict"
      ? "text-red-700 font-semibold"
      : state.kind === "saved"
        ? "text-emerald-800"
        : "text-gray-700";
  return (
    <p
      role={state.kind === "error" ? "alert" : "status"}
      aria-live="polite"
      className={tone}
      data-save-state={state.kind}
    >
      {text}
    </p>
  );
}

function ConflictPanel({
  theirs,
  onTakeTheirs,
  onKeepMine,
}: {
  theirs: Extract<SaveResult, { status: "conflict" }>["current"];
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const t = useTranslations("Editor.conflict");
  const dir = directionOf(theirs.locale);
  return (
    <section role="alert" aria-labelledby="conflict-title" className="rounded border-2 border-red-300 bg-red-50 p-4">
      <h2 id="conflict-title" className="font-bold text-red-900">
        {theirs.updatedBy ? t("title", { name: isolate(theirs.updatedBy.name) }) : t("titleUnknown")}
      </h2>
      <p className="mt-1 text-sm">{t("explain")}</p>
      <div className="mt-3 max-h-64 overflow-y-auto rounded bg-white p-3" lang={theirs.locale} dir={dir}>
        <p className="font-bold">{theirs.title}</p>
        {theirs.body.map((block, index) => (
          <p key={index} className={block.type === "heading" ? "font-semibold" : undefined}>
            {block.text}
          </p>
        ))}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={onKeepMine} className="rounded bg-brand px-3 py-1.5 font-semibold text-white">
          {t("keepMine")}
        </button>
        <button type="button" onClick={onTakeTheirs} className="rounded border border-gray-400 bg-white px-3 py-1.5">
          {t("takeTheirs")}
        </button>
      </div>
    </section>
  );
}

/**
 * The nonce of this document's policy, which the stylesheet Tiptap inserts needs: read from the scripts Next rendered
 * with it, since a nonce passed down as a prop after a client-side navigation would be another response's.
 */
function documentNonce(): string | undefined {
  if (typeof document === "undefined") return undefined;
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}
