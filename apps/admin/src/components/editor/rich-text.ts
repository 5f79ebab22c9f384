// The editor's document (ProseMirror JSON, as TipTap produces it) to and from the stored block model — the same
// blocks the parser produces. Only what blocks can hold is editable: paragraphs, subheadings, quotes, lists, links
// and figures (a library photo with its caption).
import type { ArticleBlock, InlineLink } from "@minbar/db/blocks";

export type PmMark = { type: string; attrs?: Record<string, unknown> };
export type PmNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
};

function inline(text: string, links: readonly InlineLink[] | undefined): PmNode[] {
  const nodes: PmNode[] = [];
  let at = 0;
  for (const link of links ?? []) {
    if (link.start > at) nodes.push({ type: "text", text: text.slice(at, link.start) });
    nodes.push({
      type: "text",
      text: text.slice(link.start, link.end),
      marks: [{ type: "link", attrs: { href: link.href } }],
    });
    at = link.end;
  }
  if (at < text.length) nodes.push({ type: "text", text: text.slice(at) });
  return nodes;
}

/** A block's stable ids as node attributes (see BlockIds), absent when it has none. */
const idAttrs = (block: ArticleBlock): { attrs?: Record<string, unknown> } =>
  block.id || block.sourceId
    ? { attrs: { ...(block.id ? { blockId: block.id } : {}), ...(block.sourceId ? { sourceId: block.sourceId } : {}) } }
    : {};

/** The ids a node carries back into its block. */
function idsOf(node: PmNode): { id?: string; sourceId?: string } {
  const { blockId, sourceId } = node.attrs ?? {};
  return {
    ...(typeof blockId === "string" && blockId ? { id: blockId } : {}),
    ...(typeof sourceId === "string" && sourceId ? { sourceId } : {}),
  };
}

const paragraph = (text: string, links?: readonly InlineLink[], ids: { attrs?: Record<string, unknown> } = {}) => {
  const content = inline(text, links);
  const node: PmNode = content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
  return ids.attrs ? { ...node, attrs: ids.attrs } : node;
};

/** Where the editor shows a figure's photo from, by image id (a rendition path); never stored in the blocks. */
export type FigurePreviews = Readonly<Record<number, string>>;

export function blocksToDoc(blocks: readonly ArticleBlock[], previews: FigurePreviews = {}): PmNode {
  const content: PmNode[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "heading":
        content.push({
          type: "heading",
          attrs: { level: 2, ...idAttrs(block).attrs },
          content: inline(block.text, undefined),
        });
        break;
      case "quote": {
        const last = content.at(-1);
        const item = paragraph(block.text, block.links, idAttrs(block));
        // Consecutive quote blocks are one quotation of several paragraphs.
        if (last?.type === "blockquote") last.content!.push(item);
        else content.push({ type: "blockquote", content: [item] });
        break;
      }
      case "list_item": {
        const listType = block.ordered ? "orderedList" : "bulletList";
        const last = content.at(-1);
        const item: PmNode = { type: "listItem", ...idAttrs(block), content: [paragraph(block.text, block.links)] };
        if (last?.type === listType) last.content!.push(item);
        else content.push({ type: listType, content: [item] });
        break;
      }
      case "figure": {
        const text = inline(block.text, undefined);
        content.push({
          type: "figure",
          attrs: {
            imageId: block.imageId,
            alt: block.alt ?? null,
            credit: block.credit ?? null,
            preview: previews[block.imageId] ?? null,
            ...idAttrs(block).attrs,
          },
          ...(text.length > 0 ? { content: text } : {}),
        });
        break;
      }
      case "paragraph":
        content.push(paragraph(block.text, block.links, idAttrs(block)));
    }
  }
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}

/** Plain text and link ranges of an inline run; hard breaks become spaces, runs of spaces collapse on save. */
function flatten(nodes: readonly PmNode[] | undefined): { text: string; links: InlineLink[] } {
  let text = "";
  const links: InlineLink[] = [];
  for (const node of nodes ?? []) {
    const piece =
      node.type === "text" ? (node.text ?? "") : node.type === "hardBreak" ? " " : flatten(node.content).text;
    const href = node.marks?.find((mark) => mark.type === "link")?.attrs?.href;
    if (typeof href === "string" && piece) {
      const last = links.at(-1);
      if (last && last.href === href && last.end === text.length) last.end += piece.length;
      else links.push({ start: text.length, end: text.length + piece.length, href });
    }
    text += piece;
  }
  return { text, links };
}

/** Trims the text and moves the link ranges with it; links left empty by the trim are dropped. */
function trimmed({ text, links }: { text: string; links: InlineLink[] }): { text: string; links?: InlineLink[] } {
  const lead = text.length - text.trimStart().length;
  const value = text.trim();
  const kept = links
    .map((link) => ({ ...link, start: Math.max(0, link.start - lead), end: Math.min(value.length, link.end - lead) }))
    .filter((link) => link.end > link.start);
  return kept.length > 0 ? { text: value, links: kept } : { text: value };
}

export function docToBlocks(doc: PmNode): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  const paragraphsOf = (node: PmNode) =>
    (node.content ?? []).filter((child) => child.type === "paragraph" || child.type === "heading");
  for (const node of doc.content ?? []) {
    switch (node.type) {
      case "heading": {
        const { text } = trimmed(flatten(node.content));
        if (text) blocks.push({ type: "heading", text, ...idsOf(node) });
        break;
      }
      case "blockquote":
        for (const child of paragraphsOf(node)) {
          const run = trimmed(flatten(child.content));
          if (run.text) blocks.push({ type: "quote", ...run, ...idsOf(child) });
        }
        break;
      case "figure": {
        const imageId = Number(node.attrs?.imageId);
        if (!Number.isInteger(imageId) || imageId <= 0) break;
        const { alt, credit } = node.attrs ?? {};
        // Kept with an empty caption too: the photo is the block.
        blocks.push({
          type: "figure",
          text: trimmed(flatten(node.content)).text,
          imageId,
          ...(typeof alt === "string" && alt.trim() ? { alt: alt.trim() } : {}),
          ...(typeof credit === "string" && credit.trim() ? { credit: credit.trim() } : {}),
          ...idsOf(node),
        });
        break;
      }
      case "bulletList":
      case "orderedList":
        for (const item of node.content ?? []) {
          const run = trimmed(
            flatten(
              (item.content ?? []).flatMap((child) => [...(child.content ?? []), { type: "hardBreak" }]).slice(0, -1),
            ),
          );
          if (run.text)
            blocks.push({
              type: "list_item",
              ...run,
              ...(node.type === "orderedList" ? { ordered: true } : {}),
              ...idsOf(item),
            });
        }
        break;
      default: {
        const run = trimmed(flatten(node.content));
        if (run.text) blocks.push({ type: "paragraph", ...run, ...idsOf(node) });
      }
    }
  }
  return blocks;
}
