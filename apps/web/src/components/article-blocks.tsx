// An article's body as readers see it: paragraphs, subheadings, quotations, lists and photos, with links as the editor
// made them. Everything is text to React (never HTML), and a link is rendered only if its address is http(s) or mailto.
import type { ReactNode } from "react";
import { isSafeLinkHref, type ArticleBlock, type InlineLink, type PublicImage } from "@minbar/db/public";
import type { Locale } from "@minbar/i18n";
import { PhotoFigure } from "./photo-figure.tsx";

function Inline({ text, links }: { text: string; links?: readonly InlineLink[] | undefined }): ReactNode {
  if (!links || links.length === 0) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const link of links) {
    if (link.start < at || link.end > text.length) continue;
    if (link.start > at) parts.push(text.slice(at, link.start));
    const label = text.slice(link.start, link.end);
    parts.push(
      isSafeLinkHref(link.href) ? (
        <a
          key={link.start}
          href={link.href}
          rel="noopener nofollow"
          className="text-brand underline underline-offset-4"
        >
          {label}
        </a>
      ) : (
        label
      ),
    );
    at = link.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

type Group =
  | { kind: "heading" | "paragraph"; block: ArticleBlock }
  | { kind: "figure"; block: Extract<ArticleBlock, { type: "figure" }> }
  | { kind: "quote"; blocks: Extract<ArticleBlock, { type: "quote" }>[] }
  | { kind: "list"; ordered: boolean; blocks: Extract<ArticleBlock, { type: "list_item" }>[] };

/** Consecutive quote blocks are one quotation; consecutive list items of one kind are one list. */
function groupBlocks(blocks: readonly ArticleBlock[]): Group[] {
  const groups: Group[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.type === "quote") {
      if (last?.kind === "quote") last.blocks.push(block);
      else groups.push({ kind: "quote", blocks: [block] });
    } else if (block.type === "list_item") {
      const ordered = block.ordered === true;
      if (last?.kind === "list" && last.ordered === ordered) last.blocks.push(block);
      else groups.push({ kind: "list", ordered, blocks: [block] });
    } else if (block.type === "figure") groups.push({ kind: "figure", block });
    else groups.push({ kind: block.type, block });
  }
  return groups;
}

type ArticleBlocksProps = {
  blocks: readonly ArticleBlock[];
  /** The photos the figure blocks show, by image id; a figure whose photo is gone (or not ready) is left out. */
  images: Readonly<Record<number, PublicImage>>;
  locale: Locale;
};

export function ArticleBlocks({ blocks, images, locale }: ArticleBlocksProps) {
  return (
    // Marked as running text: its links sit inside sentences, WCAG 2.2's exception to the 24 px target size (2.5.8).
    <div className="space-y-4" data-running-text="">
      {groupBlocks(blocks).map((group, index) => {
        switch (group.kind) {
          case "heading":
            return (
              <h2 key={index} className="pt-4 text-xl font-bold text-brand">
                {group.block.text}
              </h2>
            );
          case "quote":
            return (
              <blockquote key={index} className="space-y-2 border-s-4 border-brand ps-4 text-gray-800">
                {group.blocks.map((block, i) => (
                  <p key={i}>
                    <Inline text={block.text} links={block.links} />
                  </p>
                ))}
              </blockquote>
            );
          case "list": {
            const List = group.ordered ? "ol" : "ul";
            return (
              <List key={index} className={`space-y-1 ps-6 ${group.ordered ? "list-decimal" : "list-disc"}`}>
                {group.blocks.map((block, i) => (
                  <li key={i}>
                    <Inline text={block.text} links={block.links} />
                  </li>
                ))}
              </List>
            );
          }
          case "figure": {
            const image = images[group.block.imageId];
            if (!image) return null;
            const { text, alt, credit } = group.block;
            return (
              <PhotoFigure
                key={index}
                image={{
                  ...image,
                  alt: alt?.trim() || image.alt,
                  caption: text.trim() || image.caption,
                  credit: credit?.trim() ? { name: credit.trim(), lang: locale } : image.credit,
                }}
                locale={locale}
              />
            );
          }
          case "paragraph":
            return (
              <p key={index}>
                <Inline text={group.block.text} links={"links" in group.block ? group.block.links : undefined} />
              </p>
            );
        }
      })}
    </div>
  );
}
