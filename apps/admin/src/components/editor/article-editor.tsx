"use client";
// The text of one language of an article: fields, the rich-text body, autosave with a conflict view, presence,
// and the workflow moves (which save first, so a move always acts on the text on screen). Without a localization
// it is /articles/new: nothing is stored until the first save with content creates the article.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { blocksToDoc, docToBlocks, type FigurePreviews, type PmNode } from "./rich-text.ts";
import { Figure } from "./figure-node.tsx";
import { BlockIds } from "./block-ids.ts";
import { SourceText, TranslationRows, type SourceView } from "./translation-rows.tsx";
import { Toolbar } from "./toolbar.tsx";
import { WorkflowButtons, type MoveOption } from "./workflow-buttons.tsx";
import { PublishedChanges, type PublishedChangesView } from "./published-changes.tsx";
import type { ActionResult } from "../../lib/action-result.ts";
import { useErrorText, type EditorError } from "./error-text.ts";
import {
  focusedField,
  leaveSnapshot,
  offerHandoff,
  peekHandoff,
  takeHandoff,
  type EditorSession,
  type EditorSnapshot,
} from "./editor-handoff.ts";
import { announceSaved } from "./saved-events.ts";
import type { ArticleBlock, LocalizationSnapshot, SaveResult, SourceBlockChange } from "@minbar/db/editorial";
import { directionOf, formatDateTime, isolate } from "@minbar/i18n";
import {
  createArticleAction,
  heartbeatAction,
  saveTextAction,
  type MoveOutcome,
  type SaveTextOutcome,
} from "../../app/articles/actions.ts";
import type { ChangeOutcome } from "../../app/articles/change-actions.ts";
import { DateTimeField } from "../date-time-field.tsx";

export type EditableLocalization = Pick<
  LocalizationSnapshot,
  "id" | "articleId" | "locale" | "version" | "title" | "summary" | "slug" | "body" | "photoAlt" | "photoCaption"
> & {
  /** yyyy-mm-dd in the newsroom's calendar, or "" when the story has no date yet. */
  storyDate: string;
};

type Props = {
  /** null on /articles/new: an Arabic text not stored yet. */
  localization: EditableLocalization | null;
  tags: string[];
  canEdit: boolean;
  canEditTags: boolean;
  moves: MoveOption[];
  /** The newsroom's time zone, named in the interface language: a schedule is typed in it. */
  timeZoneName: string;
  /** On /articles/new: the language the article is written in first (its original); Arabic by default. */
  newLocale?: EditableLocalization["locale"] | undefined;
  /** For a translation: the original beside it, block by block, and the original's revision it is saved against. */
  source?: (SourceView & { revisionId: number | null }) | undefined;
  /** Where to show the body's photos from, by image id (see FigurePreviews). */
  figurePreviews?: FigurePreviews | undefined;
  /** May add photos to the library from the picker (media.upload). */
  canUploadPhotos?: boolean | undefined;
  /** A published (or scheduled) text: its pending changes and its time to come down. */
  published?: PublishedChangesView | undefined;
};

type Fields = {
  title: string;
  summary: string;
  slug: string;
  photoAlt: string;
  photoCaption: string;
  storyDate: string;
  tags: string;
};

type SaveState =
  | { kind: "saved" }
  | { kind: "empty" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; error: EditorError }
  | { kind: "conflict"; theirs: Extract<SaveResult, { status: "conflict" }>["current"] };

const AUTOSAVE_DELAY_MS = 1500;
const HEARTBEAT_MS = 20_000;

const NEW_ARTICLE: EditableLocalization = {
  id: 0,
  articleId: 0,
  locale: "ar",
  version: 0,
  title: null,
  summary: null,
  slug: "",
  body: [],
  photoAlt: null,
  photoCaption: null,
  storyDate: "",
};

function fieldsOf(l: EditableLocalization, tags: string[]): Fields {
  return {
    title: l.title ?? "",
    summary: l.summary ?? "",
    slug: l.slug,
    photoAlt: l.photoAlt ?? "",
    photoCaption: l.photoCaption ?? "",
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

/** Whether anything worth storing has been written: a new article is created only then. */
function hasContent(fields: Fields, body: ReturnType<typeof docToBlocks>): boolean {
  const typed = [fields.title, fields.summary, fields.photoAlt, fields.photoCaption, fields.storyDate, fields.tags];
  return typed.some((value) => value.trim() !== "") || body.some((block) => block.text.trim() !== "");
}

export function ArticleEditor({
  localization: given,
  tags,
  canEdit,
  canEditTags,
  moves,
  timeZoneName,
  source,
  newLocale,
  figurePreviews,
  canUploadPhotos = false,
  published,
}: Props) {
  const t = useTranslations("Editor");
  const tFlow = useTranslations("EditorFlow");
  const tTranslation = useTranslations("Translation");
  const router = useRouter();
  const localization = given ?? { ...NEW_ARTICLE, locale: newLocale ?? "ar" };
  const textLocale = localization.locale;
  const againstRevisionId = source?.revisionId ?? null;
  const dir = directionOf(localization.locale);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(localization, tags));
  const [state, setState] = useState<SaveState>(given ? { kind: "saved" } : { kind: "empty" });
  const [others, setOthers] = useState<string[]>([]);
  const [moved, setMoved] = useState<MoveOutcome | null>(null);
  // One session per text: taken over from /articles/new when its first save created this article.
  const session = useRef<EditorSession | null>(null);
  if (session.current === null) {
    session.current = peekHandoff(given?.id)?.session ?? {
      target: given ? { localizationId: given.id, articleId: given.articleId } : null,
      version: localization.version,
      savedDate: localization.storyDate,
      dirty: false,
      saving: null,
      slugTouched: false,
    };
  }
  const fieldsRef = useRef(fields);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const restore = useRef<EditorSnapshot | null>(null);
  const [focusRequest, setFocusRequest] = useState<EditorSnapshot["focus"]>(null);
  const [, startTransition] = useTransition();
  // A translation's body is edited row by row beside the original (TranslationRows), not in the rich-text editor.
  const rows = useRef<ArticleBlock[] | null>(source ? localization.body : null);
  const [rowsStart, setRowsStart] = useState({ generation: 0, body: localization.body });

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
      BlockIds,
      Figure,
    ],
    content: blocksToDoc(localization.body, figurePreviews),
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
  const editorRef = useRef(editor);
  useLayoutEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  /** The slug the server stored (it follows the title), unless the field was edited since. */
  const showStoredSlug = useCallback((sentSlug: string, storedSlug: string) => {
    const s = session.current!;
    if (s.slugTouched || fieldsRef.current.slug !== sentSlug || storedSlug === sentSlug) return;
    const next = { ...fieldsRef.current, slug: storedSlug };
    fieldsRef.current = next;
    setFields(next);
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    const s = session.current!;
    if (s.saving) await s.saving;
    if (!s.dirty || !editor) return true;
    s.dirty = false;
    const current = fieldsRef.current;
    const sendSlug = s.slugTouched && current.slug.trim() !== "";
    s.slugTouched = false;
    const failed = (error: EditorError) => {
      s.dirty = true;
      s.slugTouched ||= sendSlug;
      setState({ kind: "error", error });
      return false;
    };
    const run = (async () => {
      setState({ kind: "saving" });
      const body = rows.current ?? docToBlocks(editor.getJSON() as PmNode);
      const text = {
        title: current.title,
        summary: current.summary,
        body,
        photoAlt: current.photoAlt,
        photoCaption: current.photoCaption,
        ...(current.storyDate && current.storyDate !== s.savedDate ? { publishedAt: current.storyDate } : {}),
        ...(canEditTags ? { tags: tagList(current.tags) } : {}),
        ...(sendSlug ? { slug: current.slug.trim() } : {}),
      };
      if (!s.target) {
        // /articles/new: nothing is stored until something is written.
        if (!hasContent(current, body)) {
          s.slugTouched ||= sendSlug;
          setState({ kind: "empty" });
          return true;
        }
        let created: Awaited<ReturnType<typeof createArticleAction>>;
        try {
          created = await createArticleAction({ ...text, originalLocale: textLocale });
        } catch {
          return failed({ code: "invalid", detail: t("errors.network") });
        }
        if (!created.ok) return failed(created.error);
        if (created.value.status !== "created") return failed({ code: "slug_taken" });
        const { articleId, localizationId, version, slug } = created.value;
        s.target = { articleId, localizationId };
        s.version = version;
        s.savedDate = current.storyDate;
        showStoredSlug(current.slug, slug);
        setState(s.dirty ? { kind: "dirty" } : { kind: "saved" });
        // The article's own page, with this editor's state carried over (see editor-handoff.ts).
        offerHandoff(localizationId, s);
        router.replace(`/articles/${articleId}/${textLocale}`, { scroll: false });
        return true;
      }
      let result: ActionResult<SaveTextOutcome>;
      try {
        result = await saveTextAction({
          localizationId: s.target.localizationId,
          expectedVersion: s.version,
          ...text,
          ...(againstRevisionId ? { againstRevisionId } : {}),
        });
      } catch {
        return failed({ code: "invalid", detail: t("errors.network") });
      }
      if (!result.ok) return failed(result.error);
      if (result.value.status === "conflict") {
        s.dirty = true;
        s.slugTouched ||= sendSlug;
        setState({ kind: "conflict", theirs: result.value.current });
        return false;
      }
      if (result.value.status === "slug_taken") return failed({ code: "slug_taken" });
      s.version = result.value.version;
      announceSaved({ localizationId: s.target.localizationId, version: result.value.version });
      s.savedDate = current.storyDate;
      showStoredSlug(current.slug, result.value.slug);
      setState(s.dirty ? { kind: "dirty" } : { kind: "saved" });
      // The page around the editor (heading, warnings, the moves now possible, revisions) follows the save; this
      // editor keeps its state, caret and focus, as a refresh re-renders only the server's part.
      startTransition(() => router.refresh());
      return true;
    })();
    s.saving = run;
    try {
      return await run;
    } finally {
      s.saving = null;
    }
  }, [editor, canEditTags, t, router, showStoredSlug, againstRevisionId, textLocale]);

  const markDirty = useCallback(() => {
    session.current!.dirty = true;
    setState((previous) => (previous.kind === "conflict" ? previous : { kind: "dirty" }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  }, [save]);

  const setField = (name: keyof Fields, value: string) => {
    if (name === "slug") session.current!.slugTouched = true;
    const next = { ...fieldsRef.current, [name]: value };
    fieldsRef.current = next;
    setFields(next);
    markDirty();
  };

  // Arriving from /articles/new: take up what was on screen there (the server's copy may be a keystroke behind).
  useLayoutEffect(() => {
    const handoff = takeHandoff(given?.id);
    if (!handoff?.snapshot) return;
    const { snapshot } = handoff;
    restore.current = snapshot;
    const next = { ...fieldsRef.current, ...snapshot.fields };
    fieldsRef.current = next;
    setFields(next);
    if (snapshot.error) setState({ kind: "error", error: snapshot.error });
    else if (handoff.session.saving) setState({ kind: "saving" });
    else if (handoff.session.dirty) setState({ kind: "dirty" });
    setFocusRequest(snapshot.focus);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);

  // Leaving /articles/new for the created article: what is on screen goes with it.
  useLayoutEffect(() => {
    const s = session.current!;
    return () => {
      const id = s.target?.localizationId;
      const current = editorRef.current;
      if (id === undefined || !current || current.isDestroyed || given) return;
      if (timer.current) clearTimeout(timer.current);
      leaveSnapshot(id, {
        fields: { ...fieldsRef.current },
        doc: current.getJSON() as PmNode,
        selection: { from: current.state.selection.from, to: current.state.selection.to },
        focus: focusedField(),
        error: null,
      });
    };
  }, [given]);

  // The rich-text editor exists only after mounting: put back the text, caret and focus it had on /articles/new.
  useEffect(() => {
    const snapshot = restore.current;
    if (!editor || !snapshot) return;
    restore.current = null;
    editor.commands.setContent(snapshot.doc, { emitUpdate: false });
    const size = editor.state.doc.content.size;
    editor.commands.setTextSelection({
      from: Math.min(snapshot.selection.from, size),
      to: Math.min(snapshot.selection.to, size),
    });
    if (snapshot.focus?.field === "body") editor.commands.focus();
    if (session.current!.dirty) markDirty();
  }, [editor, markDirty]);

  useEffect(() => {
    if (!focusRequest || focusRequest.field === "body") return;
    const element = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      `[data-field="${focusRequest.field}"]`,
    );
    if (!element) return;
    element.focus({ preventScroll: true });
    if (focusRequest.start !== null && "setSelectionRange" in element && element.type !== "date")
      element.setSelectionRange(focusRequest.start, focusRequest.end ?? focusRequest.start);
  }, [focusRequest]);

  // Leaving with unsaved text asks first (the browser shows its own wording).
  useEffect(() => {
    const unsaved = () => session.current!.dirty || session.current!.saving !== null;
    const warn = (event: BeforeUnloadEvent) => {
      if (!unsaved()) return;
      event.preventDefault();
      // Older engines ask only when returnValue is a non-empty string; the browser shows its own wording.
      event.returnValue = "unsaved";
    };
    // In-app links navigate without unloading the page, so they are asked here, before Next's router sees the click.
    const guardLinks = (event: MouseEvent) => {
      if (!unsaved()) return;
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

  // Presence: say we are here, learn who else is (once the text exists).
  const presenceId = given?.id;
  useEffect(() => {
    if (presenceId === undefined) return;
    let stopped = false;
    const beat = async () => {
      const result = await heartbeatAction(presenceId).catch(() => null);
      if (!stopped && result?.ok) setOthers(result.value.map((other) => other.name));
    };
    void beat();
    const interval = setInterval(() => void beat(), HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(interval);
    };
  }, [presenceId]);

  /** The stored text replaces the editor's content (theirs after a conflict, the live one after a discard). */
  const showStored = (theirs: LocalizationSnapshot) => {
    if (!editor) return;
    const s = session.current!;
    s.version = theirs.version;
    const next = fieldsOf(
      { ...localization, ...theirs, storyDate: fieldsRef.current.storyDate },
      tagList(fieldsRef.current.tags),
    );
    fieldsRef.current = next;
    setFields(next);
    editor.commands.setContent(blocksToDoc(theirs.body), { emitUpdate: false });
    if (rows.current) {
      // The translation's rows start again from their text.
      rows.current = theirs.body;
      setRowsStart((previous) => ({ generation: previous.generation + 1, body: theirs.body }));
    }
    s.dirty = false;
    s.slugTouched = false;
    setState({ kind: "saved" });
  };

  /** Their text replaces the editor's content; mine is gone by the user's explicit choice. */
  const takeTheirs = () => {
    if (state.kind !== "conflict") return;
    showStored(state.theirs);
  };

  /** Mine is saved over theirs, having seen theirs: the replaced text stays in the history as a revision. */
  const keepMine = () => {
    if (state.kind !== "conflict") return;
    const s = session.current!;
    s.version = state.theirs.version;
    s.dirty = true;
    void save();
  };

  const beforeMove = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    const ok = await save();
    return ok ? session.current!.version : null;
  }, [save]);

  const afterMove = useCallback(
    (outcome: MoveOutcome) => {
      session.current!.version = outcome.version;
      setMoved(outcome);
      startTransition(() => router.refresh());
    },
    [router],
  );

  const afterChange = (outcome: ChangeOutcome) => {
    session.current!.version = outcome.version;
    if (outcome.text) showStored(outcome.text);
    startTransition(() => router.refresh());
  };

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

      {moved ? <MoveNotice outcome={moved} timeZoneName={timeZoneName} /> : null}

      {moves.length > 0 && given ? (
        <WorkflowButtons
          localizationId={given.id}
          locale={localization.locale}
          title={fields.title}
          moves={moves}
          timeZoneName={timeZoneName}
          beforeMove={beforeMove}
          afterMove={afterMove}
        />
      ) : null}

      {published ? (
        <PublishedChanges view={published} timeZoneName={timeZoneName} beforeAct={beforeMove} afterAct={afterChange} />
      ) : null}

      {state.kind === "conflict" ? (
        <ConflictPanel theirs={state.theirs} onTakeTheirs={takeTheirs} onKeepMine={keepMine} />
      ) : null}

      <Beside
        source={source ? { text: source.title, change: source.changes?.title, locale: source.locale } : null}
        label={tTranslation("originalTitle")}
      >
        <Field label={t("fields.title")}>
          <input
            className={`${input} text-xl font-bold`}
            {...asContent}
            data-field="title"
            value={fields.title}
            maxLength={500}
            onChange={(event) => setField("title", event.target.value)}
          />
        </Field>
      </Beside>
      <Beside
        source={source ? { text: source.summary, change: source.changes?.summary, locale: source.locale } : null}
        label={tTranslation("originalSummary")}
      >
        <Field label={t("fields.summary")}>
          <textarea
            className={input}
            {...asContent}
            data-field="summary"
            rows={2}
            maxLength={2000}
            value={fields.summary}
            onChange={(event) => setField("summary", event.target.value)}
          />
        </Field>
      </Beside>

      <div>
        {/* The editor names itself (aria-label); this is the visible caption. */}
        <span className="mb-1 block text-sm font-semibold">{t("fields.body")}</span>
        {source ? (
          <TranslationRows
            key={rowsStart.generation}
            source={source}
            initial={rowsStart.body}
            locale={localization.locale}
            canEdit={canEdit}
            onChange={(blocks) => {
              rows.current = blocks;
              markDirty();
            }}
          />
        ) : (
          <>
            {canEdit && editor ? (
              <Toolbar editor={editor} photoLocale={textLocale} canUploadPhotos={canUploadPhotos} />
            ) : null}
            <EditorContent editor={editor} />
          </>
        )}
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("fields.slug")} hint={tFlow("slugHint")} hintId="slug-hint">
          <input
            className={input}
            dir="auto"
            data-field="slug"
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
            data-field="tags"
            disabled={!canEdit || !canEditTags}
            value={fields.tags}
            onChange={(event) => setField("tags", event.target.value)}
            aria-describedby="tags-hint"
          />
        </Field>
        <Field label={t("fields.photoCaption")}>
          <textarea
            className={input}
            {...asContent}
            data-field="photoCaption"
            rows={2}
            value={fields.photoCaption}
            maxLength={2000}
            onChange={(event) => setField("photoCaption", event.target.value)}
          />
        </Field>
        <Field label={t("fields.photoAlt")}>
          <input
            className={input}
            {...asContent}
            data-field="photoAlt"
            value={fields.photoAlt}
            maxLength={500}
            onChange={(event) => setField("photoAlt", event.target.value)}
          />
        </Field>
      </div>
    </div>
  );
}

/** What a move did, said where the buttons were: the live page of a publication, the time of a schedule. */
function MoveNotice({ outcome, timeZoneName }: { outcome: MoveOutcome; timeZoneName: string }) {
  const t = useTranslations("EditorFlow.moved");
  const tStatus = useTranslations("Status");
  const uiLocale = useLocale();
  return (
    <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950">
      {outcome.to === "published" ? (
        <p>
          {t("published")}{" "}
          {outcome.publicUrl ? (
            <a href={outcome.publicUrl} target="_blank" rel="noopener" className="font-semibold underline">
              {t("viewLive")}
            </a>
          ) : null}
        </p>
      ) : outcome.to === "scheduled" && outcome.scheduledAt ? (
        <p>
          {t("scheduled", {
            when: formatDateTime(new Date(outcome.scheduledAt), uiLocale),
            zone: timeZoneName,
          })}
        </p>
      ) : (
        <p>{t("other", { status: tStatus(outcome.to) })}</p>
      )}
    </div>
  );
}

/** A translation's field with the original's beside it; an original's field alone. */
function Beside({
  source,
  label,
  children,
}: {
  source: { text: string | null; change: SourceBlockChange | undefined; locale: SourceView["locale"] } | null;
  label: string;
  children: ReactNode;
}) {
  if (!source) return <>{children}</>;
  return (
    <div className="grid grid-cols-2 items-start gap-3">
      <div>
        <span className="mb-1 block text-sm font-semibold">{label}</span>
        <SourceText text={source.text} change={source.change} locale={source.locale} />
      </div>
      {children}
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
  const tFlow = useTranslations("EditorFlow");
  const errorText = useErrorText();
  const text =
    state.kind === "saved"
      ? t("state.saved")
      : state.kind === "empty"
        ? tFlow("notStored")
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
