"use client";
// The body editor's toolbar: block types the block model stores, links, and photos from the media library. Buttons
// report their state.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useEditorState, type Editor } from "@tiptap/react";
import { PhotoPicker } from "./photo-picker.tsx";
import { photoTextIn, type LibraryPhoto } from "../media/library-photo.ts";
import { photoPreview } from "./photo-view.ts";

/** A library photo as a figure block after the paragraph the caret is in, its caption in the text's language. */
function insertPhoto(editor: Editor, photo: LibraryPhoto, locale: string) {
  const caption = photoTextIn(photo, "caption", locale);
  const { $from } = editor.state.selection;
  const after = $from.depth > 0 ? $from.after(1) : editor.state.doc.content.size;
  editor
    .chain()
    .focus()
    .insertContentAt(after, {
      type: "figure",
      attrs: { imageId: photo.id, preview: photoPreview(photo) },
      ...(caption ? { content: [{ type: "text", text: caption }] } : {}),
    })
    .run();
}

type ToolbarProps = { editor: Editor; photoLocale: string; canUploadPhotos: boolean };

export function Toolbar({ editor, photoLocale, canUploadPhotos }: ToolbarProps) {
  const t = useTranslations("Editor.toolbar");
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState("");
  const [picking, setPicking] = useState(false);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive("heading"),
      quote: e.isActive("blockquote"),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      link: e.isActive("link"),
    }),
  });
  const chain = () => editor.chain().focus();
  const button = (label: string, pressed: boolean, run: () => void) => (
    <button
      type="button"
      aria-pressed={pressed}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
      className={`rounded px-2 py-1 text-sm ${pressed ? "bg-brand text-white" : "hover:bg-brand-soft"}`}
    >
      {label}
    </button>
  );
  const applyLink = () => {
    const value = href.trim();
    if (/^(https?:\/\/|mailto:)/i.test(value)) chain().extendMarkRange("link").setLink({ href: value }).run();
    setLinking(false);
    setHref("");
    // The address field disappears with this click: give the text its caret back, just after the link.
    requestAnimationFrame(() => editor.chain().focus(editor.state.selection.to).run());
  };
  return (
    <div
      role="toolbar"
      aria-label={t("label")}
      className="flex flex-wrap items-center gap-1 rounded-t border border-b-0 border-gray-300 bg-gray-50 px-2 py-1"
    >
      {button(t("paragraph"), !active.heading && !active.quote && !active.bullet && !active.ordered, () =>
        chain().setParagraph().run(),
      )}
      {button(t("heading"), active.heading, () => chain().toggleHeading({ level: 2 }).run())}
      {button(t("quote"), active.quote, () => chain().toggleBlockquote().run())}
      {button(t("bulletList"), active.bullet, () => chain().toggleBulletList().run())}
      {button(t("orderedList"), active.ordered, () => chain().toggleOrderedList().run())}
      {active.link
        ? button(t("unlink"), true, () => chain().extendMarkRange("link").unsetLink().run())
        : button(t("link"), linking, () => setLinking((open) => !open))}
      {button(t("photo"), picking, () => setPicking(true))}
      <PhotoPicker
        open={picking}
        canUpload={canUploadPhotos}
        onClose={() => setPicking(false)}
        onPick={(photo) => insertPhoto(editor, photo, photoLocale)}
      />
      {linking ? (
        <span className="flex items-center gap-1">
          <input
            type="url"
            dir="ltr"
            aria-label={t("linkAddress")}
            placeholder="https://"
            value={href}
            onChange={(event) => setHref(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                applyLink();
              }
            }}
            className="w-56 rounded border border-gray-300 px-2 py-0.5 text-sm"
          />
          <button type="button" onClick={applyLink} className="rounded bg-brand px-2 py-0.5 text-sm text-white">
            {t("applyLink")}
          </button>
        </span>
      ) : null}
      <span className="ms-auto flex gap-1">
        {button(t("undo"), false, () => chain().undo().run())}
        {button(t("redo"), false, () => chain().redo().run())}
      </span>
    </div>
  );
}
