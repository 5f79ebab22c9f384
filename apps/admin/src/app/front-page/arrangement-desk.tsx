"use client";
// The front page desk of one edition: the stories (the first is the lead, the next the top stories, in order) and
// the section rows, each list arranged by dragging or from the keyboard (dnd-kit's keyboard sensor: Space to pick
// up, arrows to move, Space to drop, Escape to cancel), with the moves announced in the interface language. Stories
// are added by searching the edition's published ones; a story may be pinned until a time. The draft is saved,
// previewed, published now or scheduled; the server checks permission and version on each.
import { useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { PublicFrontPage } from "@minbar/db/editorial";
import { DateTimeField } from "../../components/date-time-field.tsx";
import type { ActionResult } from "../../lib/action-result.ts";
import { OutcomeNotice, type Notice } from "../../lib/outcome-notice.tsx";
import {
  cancelScheduleAction,
  previewAction,
  publishAction,
  saveDraftAction,
  searchStoriesAction,
  type DeskLayout,
  type DeskOutcome,
  type DeskSlot,
} from "./actions.ts";

/** The lead and six top stories. */
const MAX_STORIES = 7;

type Props = {
  edition: string;
  version: number;
  stories: DeskSlot[];
  sections: number[];
  sectionChoices: { id: number; name: string }[];
  scheduled: { id: number; label: string }[];
  timeZoneName: string;
};

function SortableRow({
  id,
  handleLabel,
  children,
}: {
  id: UniqueIdentifier;
  handleLabel: string;
  children: ReactNode;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex items-start gap-3 rounded border bg-white p-3 ${isDragging ? "border-brand shadow-lg" : "border-gray-200"}`}
    >
      <button
        type="button"
        {...attributes}
        {...listeners}
        aria-label={handleLabel}
        className="cursor-grab touch-none rounded border border-gray-300 px-2 py-1 text-gray-600 hover:bg-gray-50 focus:outline-2 focus:outline-brand"
      >
        ⋮⋮
      </button>
      <div className="min-w-0 flex-1">{children}</div>
    </li>
  );
}

export function ArrangementDesk(props: Props) {
  const t = useTranslations("FrontPageDesk");
  const router = useRouter();
  const [stories, setStories] = useState(props.stories);
  const [sections, setSections] = useState(props.sections);
  const [version, setVersion] = useState(props.version);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<{ articleId: number; title: string }[] | null>(null);
  const [preview, setPreview] = useState<PublicFrontPage | null>(null);
  const [goLiveAt, setGoLiveAt] = useState("");
  const [addSection, setAddSection] = useState("");
  const [pending, startTransition] = useTransition();
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const storyId = (slot: DeskSlot) => `story-${slot.articleId}`;
  const sectionName = (id: number) => props.sectionChoices.find((choice) => choice.id === id)?.name ?? `#${id}`;
  const slotName = (index: number) => (index === 0 ? t("lead") : t("topN", { n: index }));
  const titleOf = (id: UniqueIdentifier) => {
    const key = String(id);
    if (key.startsWith("story-")) return stories.find((slot) => storyId(slot) === key)?.title ?? key;
    return sectionName(Number(key.replace("section-", "")));
  };
  const positionOf = (id: UniqueIdentifier) => {
    const key = String(id);
    const index = key.startsWith("story-")
      ? stories.findIndex((slot) => storyId(slot) === key)
      : sections.findIndex((section) => `section-${section}` === key);
    return key.startsWith("story-") ? slotName(index) : t("rowN", { n: index + 1 });
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("dnd.picked", { title: titleOf(active.id), position: positionOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t("dnd.over", { title: titleOf(active.id), position: positionOf(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t("dnd.dropped", { title: titleOf(active.id), position: positionOf(over.id) }) : undefined,
    onDragCancel: ({ active }) => t("dnd.cancelled", { title: titleOf(active.id) }),
  };
  const accessibility = { announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } };

  const layout = (): DeskLayout => ({ stories, sections });
  const worded = (outcome: DeskOutcome): Notice => ({
    ok: outcome === "saved" || outcome === "published" || outcome === "scheduled" || outcome === "cancelled",
    text: t(`outcomes.${outcome}`),
  });
  const refused = (result: ActionResult<unknown>): Notice | null =>
    result.ok
      ? null
      : { ok: false, text: t(`errors.${result.error.code === "signed_out" ? "signed_out" : "forbidden"}`) };

  function onStoriesEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    setStories((list) => {
      const from = list.findIndex((slot) => storyId(slot) === active.id);
      const to = list.findIndex((slot) => storyId(slot) === over.id);
      return from < 0 || to < 0 ? list : arrayMove(list, from, to);
    });
  }
  function onSectionsEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    setSections((list) => {
      const from = list.findIndex((id) => `section-${id}` === active.id);
      const to = list.findIndex((id) => `section-${id}` === over.id);
      return from < 0 || to < 0 ? list : arrayMove(list, from, to);
    });
  }

  function run(action: () => Promise<void>) {
    startTransition(async () => {
      await action();
    });
  }
  const save = () =>
    run(async () => {
      const result = await saveDraftAction(props.edition, version, layout());
      if (!result.ok) return setNotice(refused(result));
      if (result.value.outcome === "saved" || result.value.outcome === "conflict") setVersion(result.value.version);
      setNotice(worded(result.value.outcome));
    });
  const publish = (at: string | null) =>
    run(async () => {
      const result = await publishAction(props.edition, version, layout(), at);
      if (!result.ok) return setNotice(refused(result));
      const { outcome } = result.value;
      if (outcome === "published" || outcome === "scheduled" || outcome === "conflict")
        setVersion(result.value.version);
      setNotice(worded(outcome));
      router.refresh();
    });
  const showPreview = () =>
    run(async () => {
      const result = await previewAction(props.edition, layout());
      if (!result.ok) return setNotice(refused(result));
      if (!result.value) return setNotice(worded("bad_time"));
      setPreview(result.value);
    });
  const search = () =>
    run(async () => {
      const result = await searchStoriesAction(props.edition, query);
      if (!result.ok) return setNotice(refused(result));
      setResults(result.value);
    });
  const cancel = (id: number) =>
    run(async () => {
      const result = await cancelScheduleAction(id);
      if (!result.ok) return setNotice(refused(result));
      setNotice(worded(result.value.outcome));
      router.refresh();
    });

  const updateSlot = (articleId: number, change: Partial<DeskSlot>) =>
    setStories((list) => list.map((slot) => (slot.articleId === articleId ? { ...slot, ...change } : slot)));

  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div>
        <section aria-labelledby="stories-title" className="mb-6">
          <h2 id="stories-title" className="mb-1 text-lg font-semibold">
            {t("storiesTitle")}
          </h2>
          <p className="mb-3 text-sm text-gray-600">{t("storiesHint")}</p>
          {stories.length === 0 ? <p className="text-sm text-gray-500">{t("noStories")}</p> : null}
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onStoriesEnd}
            accessibility={accessibility}
          >
            <SortableContext items={stories.map(storyId)} strategy={verticalListSortingStrategy}>
              <ol className="space-y-2" aria-label={t("storiesTitle")}>
                {stories.map((slot, index) => (
                  <SortableRow
                    key={storyId(slot)}
                    id={storyId(slot)}
                    handleLabel={t("dnd.handle", { title: slot.title })}
                  >
                    <p className="text-xs font-semibold uppercase text-brand" data-testid="slot-name">
                      {slotName(index)}
                    </p>
                    <p className="font-medium" data-testid="slot-title">
                      {slot.title}
                    </p>
                    <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
                      <label className="inline-flex items-center gap-1">
                        <input
                          type="checkbox"
                          checked={slot.pinnedUntil !== ""}
                          onChange={(event) =>
                            updateSlot(slot.articleId, { pinnedUntil: event.target.checked ? " " : "" })
                          }
                        />
                        {t("pin", { title: slot.title })}
                      </label>
                      <button
                        type="button"
                        onClick={() => setStories((list) => list.filter((s) => s.articleId !== slot.articleId))}
                        className="rounded border border-gray-300 px-2 py-0.5 hover:bg-gray-50"
                        aria-label={t("removeStory", { title: slot.title })}
                      >
                        {t("remove")}
                      </button>
                    </div>
                    {slot.pinnedUntil !== "" ? (
                      <div className="mt-2">
                        <DateTimeField
                          label={t("pinUntil", { title: slot.title, zone: props.timeZoneName })}
                          value={slot.pinnedUntil.trim()}
                          onChange={(value) => updateSlot(slot.articleId, { pinnedUntil: value || " " })}
                        />
                      </div>
                    ) : null}
                  </SortableRow>
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        </section>

        <section aria-labelledby="add-title" className="mb-6 rounded border border-gray-200 bg-white p-3">
          <h2 id="add-title" className="mb-2 font-semibold">
            {t("addTitle")}
          </h2>
          <form
            className="flex flex-wrap gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              search();
            }}
          >
            <label className="sr-only" htmlFor="story-search">
              {t("searchLabel")}
            </label>
            <input
              id="story-search"
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder={t("searchLabel")}
              className="min-w-48 flex-1 rounded border border-gray-300 px-2 py-1"
            />
            <button type="submit" className="rounded border border-gray-300 px-3 py-1 hover:bg-gray-50">
              {t("search")}
            </button>
          </form>
          {results ? (
            results.length === 0 ? (
              <p className="mt-2 text-sm text-gray-500">{t("noResults")}</p>
            ) : (
              <ul className="mt-2 divide-y divide-gray-100" aria-label={t("results")}>
                {results.map((row) => {
                  const added = stories.some((slot) => slot.articleId === row.articleId);
                  return (
                    <li key={row.articleId} className="flex items-center justify-between gap-2 py-1 text-sm">
                      <span>{row.title}</span>
                      <button
                        type="button"
                        disabled={added || stories.length >= MAX_STORIES}
                        onClick={() => setStories((list) => [...list, { ...row, pinnedUntil: "" }])}
                        className="rounded border border-gray-300 px-2 py-0.5 hover:bg-gray-50 disabled:opacity-50"
                        aria-label={t("addStory", { title: row.title })}
                      >
                        {added ? t("added") : t("add")}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )
          ) : null}
          {stories.length >= MAX_STORIES ? <p className="mt-2 text-sm text-gray-600">{t("full")}</p> : null}
        </section>

        <section aria-labelledby="sections-title" className="mb-6">
          <h2 id="sections-title" className="mb-1 text-lg font-semibold">
            {t("sectionsTitle")}
          </h2>
          <p className="mb-3 text-sm text-gray-600">{t("sectionsHint")}</p>
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onSectionsEnd}
            accessibility={accessibility}
          >
            <SortableContext items={sections.map((id) => `section-${id}`)} strategy={verticalListSortingStrategy}>
              <ol className="space-y-2" aria-label={t("sectionsTitle")}>
                {sections.map((id) => (
                  <SortableRow key={id} id={`section-${id}`} handleLabel={t("dnd.handle", { title: sectionName(id) })}>
                    <div className="flex items-center justify-between gap-2">
                      <span className="font-medium">{sectionName(id)}</span>
                      <button
                        type="button"
                        onClick={() => setSections((list) => list.filter((s) => s !== id))}
                        className="rounded border border-gray-300 px-2 py-0.5 text-sm hover:bg-gray-50"
                        aria-label={t("removeSection", { name: sectionName(id) })}
                      >
                        {t("remove")}
                      </button>
                    </div>
                  </SortableRow>
                ))}
              </ol>
            </SortableContext>
          </DndContext>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor="add-section">{t("addSection")}</label>
            <select
              id="add-section"
              value={addSection}
              onChange={(event) => setAddSection(event.target.value)}
              className="rounded border border-gray-300 px-2 py-1"
            >
              <option value="">—</option>
              {props.sectionChoices
                .filter((choice) => !sections.includes(choice.id))
                .map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.name}
                  </option>
                ))}
            </select>
            <button
              type="button"
              disabled={!addSection}
              onClick={() => {
                setSections((list) => [...list, Number(addSection)]);
                setAddSection("");
              }}
              className="rounded border border-gray-300 px-3 py-1 hover:bg-gray-50 disabled:opacity-50"
            >
              {t("addRow")}
            </button>
          </div>
        </section>

        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={pending}
            onClick={save}
            className="rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-50"
          >
            {t("saveDraft")}
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={showPreview}
            className="rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-50"
          >
            {t("preview")}
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => publish(null)}
            className="rounded bg-brand px-3 py-1.5 font-semibold text-white hover:opacity-90"
          >
            {t("publishNow")}
          </button>
        </div>
        <div className="mt-4 rounded border border-gray-200 bg-white p-3">
          <DateTimeField
            label={t("scheduleAt", { zone: props.timeZoneName })}
            value={goLiveAt}
            onChange={setGoLiveAt}
          />
          <button
            type="button"
            disabled={pending || !goLiveAt}
            onClick={() => publish(goLiveAt)}
            className="mt-2 rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-50 disabled:opacity-50"
          >
            {t("schedule")}
          </button>
        </div>
        <OutcomeNotice notice={notice} />
      </div>

      <aside className="space-y-6">
        <section aria-labelledby="scheduled-title">
          <h2 id="scheduled-title" className="mb-2 font-semibold">
            {t("scheduledTitle")}
          </h2>
          {props.scheduled.length === 0 ? (
            <p className="text-sm text-gray-500">{t("noneScheduled")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {props.scheduled.map((row) => (
                <li key={row.id} className="flex items-center justify-between gap-2">
                  <span>{row.label}</span>
                  <button
                    type="button"
                    onClick={() => cancel(row.id)}
                    className="rounded border border-gray-300 px-2 py-0.5 hover:bg-gray-50"
                  >
                    {t("cancelSchedule")}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {preview ? (
          <section aria-labelledby="preview-title" className="rounded border-2 border-dashed border-brand bg-white p-3">
            <h2 id="preview-title" className="mb-2 font-semibold">
              {t("previewTitle")}
            </h2>
            <div lang={props.edition} dir={props.edition === "ar" ? "rtl" : "ltr"} data-testid="front-page-preview">
              {preview.lead ? (
                <p className="mb-2 text-xl font-bold" data-slot="lead">
                  {preview.lead.title}
                </p>
              ) : null}
              <ol className="mb-2 list-decimal ps-5 text-sm">
                {preview.top.map((story) => (
                  <li key={story.id} data-slot="top">
                    {story.title}
                  </li>
                ))}
              </ol>
              {preview.sections.map((row) => (
                <div key={row.id} className="mb-2 text-sm">
                  <p className="font-semibold">{row.name}</p>
                  <ul className="ps-4">
                    {row.items.map((story) => (
                      <li key={story.id}>{story.title}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </section>
        ) : null}
      </aside>
    </div>
  );
}
