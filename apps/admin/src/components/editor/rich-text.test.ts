// The editor's document and the stored blocks convert both ways without losing words, links, quotes or lists.
import { describe, expect, it } from "vitest";
import { bodySchema, type ArticleBlock } from "@minbar/db/blocks";
import { blocksToDoc, docToBlocks, type PmNode } from "./rich-text.ts";

const BODY: ArticleBlock[] = [
  { type: "paragraph", text: "قال وزير الخارجية الروسي سيرغي لافروف اليوم." },
  { type: "heading", text: "الشراكة الاستراتيجية" },
  { type: "paragraph", text: "نقلت وكالة تاس الخبر.", links: [{ start: 5, end: 13, href: "https://tass.ru/" }] },
  { type: "quote", text: "نحن شركاء." },
  { type: "quote", text: "وسنبقى كذلك." },
  { type: "list_item", text: "البند الأول" },
  { type: "list_item", text: "البند الثاني" },
  { type: "list_item", text: "أولاً", ordered: true },
];

describe("rich text ⇄ blocks", () => {
  it("round-trips every block type, links and grouping", () => {
    const doc = blocksToDoc(BODY);
    expect(doc.content?.map((node) => node.type)).toEqual([
      "paragraph",
      "heading",
      "paragraph",
      "blockquote",
      "bulletList",
      "orderedList",
    ]);
    expect(docToBlocks(doc)).toEqual(BODY);
    expect(bodySchema.safeParse(docToBlocks(doc)).success).toBe(true);
  });

  it("drops empty paragraphs and trims text, moving link ranges with it", () => {
    const doc: PmNode = {
      type: "doc",
      content: [
        { type: "paragraph" },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "  انظر " },
            { type: "text", text: "الموقع", marks: [{ type: "link", attrs: { href: "https://example.org/" } }] },
            { type: "text", text: "  " },
          ],
        },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "   " }] },
      ],
    };
    expect(docToBlocks(doc)).toEqual([
      { type: "paragraph", text: "انظر الموقع", links: [{ start: 5, end: 11, href: "https://example.org/" }] },
    ]);
  });

  it("joins adjacent pieces of one link and keeps an empty body editable", () => {
    const doc: PmNode = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "تاس", marks: [{ type: "link", attrs: { href: "https://tass.ru/" } }] },
            { type: "text", text: " اليوم", marks: [{ type: "link", attrs: { href: "https://tass.ru/" } }] },
          ],
        },
      ],
    };
    expect(docToBlocks(doc)).toEqual([
      { type: "paragraph", text: "تاس اليوم", links: [{ start: 0, end: 9, href: "https://tass.ru/" }] },
    ]);
    expect(blocksToDoc([])).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});

describe("block ids in the editor", () => {
  const WITH_IDS: ArticleBlock[] = [
    { type: "paragraph", text: "فقرة.", id: "p1" },
    { type: "heading", text: "عنوان", id: "h1", sourceId: "s1" },
    { type: "quote", text: "اقتباس.", id: "q1" },
    { type: "list_item", text: "بند", id: "l1", ordered: true },
  ];

  it("keeps each block's id (and source id) through the editor's document", () => {
    expect(docToBlocks(blocksToDoc(WITH_IDS))).toEqual(WITH_IDS);
  });

  it("carries the id on the node the editor edits, so it survives typing in the block", () => {
    const doc = blocksToDoc(WITH_IDS);
    expect(doc.content?.[0]?.attrs).toEqual({ blockId: "p1" });
    expect(doc.content?.[1]?.attrs).toEqual({ level: 2, blockId: "h1", sourceId: "s1" });
    expect(doc.content?.[3]?.content?.[0]?.attrs).toEqual({ blockId: "l1" });
  });
});

describe("photos in the body", () => {
  const WITH_FIGURES: ArticleBlock[] = [
    { type: "paragraph", text: "فقرة أولى.", id: "p1" },
    { type: "figure", text: "ميناء أكتاو عند الفجر", imageId: 7, credit: "وكالة", id: "f1" },
    { type: "paragraph", text: "فقرة ثانية.", id: "p2" },
    { type: "figure", text: "", imageId: 9, alt: "رافعات فوق الرصيف", id: "f2", sourceId: "s9" },
  ];

  it("round-trips figures between paragraphs, with their caption, credit, alt text and ids", () => {
    const doc = blocksToDoc(WITH_FIGURES, { 7: "/media/renditions/k7/w640.webp" });
    expect(doc.content?.map((node) => node.type)).toEqual(["paragraph", "figure", "paragraph", "figure"]);
    expect(doc.content?.[1]?.attrs).toMatchObject({ imageId: 7, preview: "/media/renditions/k7/w640.webp" });
    expect(docToBlocks(doc)).toEqual(WITH_FIGURES);
    expect(bodySchema.safeParse(docToBlocks(doc)).success).toBe(true);
  });

  it("keeps a figure whose caption was emptied, and never stores where the editor showed it from", () => {
    const doc: PmNode = {
      type: "doc",
      content: [{ type: "figure", attrs: { imageId: 3, preview: "/media/renditions/k/w640.webp" }, content: [] }],
    };
    expect(docToBlocks(doc)).toEqual([{ type: "figure", text: "", imageId: 3 }]);
  });
});
