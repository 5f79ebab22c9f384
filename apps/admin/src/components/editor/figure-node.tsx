"use client";
// A photo in the body: a library image with its caption typed under it, one block of the block model (`figure`).
// The image is not editable text; the caption is the node's own inline content, so typing, undo and selection work
// as in any paragraph. `preview` (the image's rendition path) is only for showing it here and is never saved.
import { mergeAttributes, Node } from "@tiptap/core";
import { NodeViewContent, NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { useTranslations } from "next-intl";

const attribute = (key: string, dataName: string) => ({
  default: null,
  parseHTML: (element: HTMLElement) => element.getAttribute(dataName),
  renderHTML: (attributes: Record<string, unknown>) =>
    attributes[key] === null || attributes[key] === undefined ? {} : { [dataName]: String(attributes[key]) },
});

function FigureView({ node, deleteNode, editor }: ReactNodeViewProps) {
  const t = useTranslations("Editor.figure");
  const preview = typeof node.attrs.preview === "string" ? node.attrs.preview : null;
  const empty = node.content.size === 0;
  return (
    <NodeViewWrapper
      as="figure"
      className="my-4 rounded border border-gray-200 p-2"
      data-figure-image={node.attrs.imageId}
    >
      <div contentEditable={false} className="relative">
        {preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- a rendition already sized for this column
          <img src={preview} alt="" className="max-h-80 w-full rounded object-contain" />
        ) : (
          <div className="flex h-40 items-center justify-center rounded bg-gray-100 text-sm text-gray-600">
            {t("preparing")}
          </div>
        )}
        {editor.isEditable ? (
          <button
            type="button"
            onClick={() => deleteNode()}
            className="absolute end-2 top-2 rounded bg-white/90 px-2 py-1 text-xs shadow hover:bg-red-50"
          >
            {t("remove")}
          </button>
        ) : null}
      </div>
      <NodeViewContent<"figcaption">
        as="figcaption"
        aria-label={t("caption")}
        data-placeholder={empty ? t("captionPlaceholder") : undefined}
        className="mt-2 text-sm text-gray-700 empty:before:text-gray-400 empty:before:content-[attr(data-placeholder)]"
      />
    </NodeViewWrapper>
  );
}

export const Figure = Node.create({
  name: "figure",
  group: "block",
  content: "text*",
  marks: "",
  defining: true,
  isolating: true,
  draggable: true,
  addAttributes() {
    return {
      imageId: {
        default: null,
        parseHTML: (element: HTMLElement) => Number(element.getAttribute("data-image-id")) || null,
        renderHTML: (attributes: Record<string, unknown>) => ({ "data-image-id": String(attributes.imageId) }),
      },
      alt: attribute("alt", "data-alt"),
      credit: attribute("credit", "data-credit"),
      preview: attribute("preview", "data-preview"),
      blockId: attribute("blockId", "data-block-id"),
      sourceId: attribute("sourceId", "data-source-id"),
    };
  },
  parseHTML() {
    return [{ tag: "figure[data-image-id]", contentElement: "figcaption" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes(HTMLAttributes), ["figcaption", 0]];
  },
  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },
});
