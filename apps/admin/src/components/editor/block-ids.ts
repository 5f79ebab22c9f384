// Stable block ids in the rich-text editor: paragraphs, subheadings and list items carry their block's id (and a
// translation's source block id) as attributes, so a save sends them back and the block keeps its identity.
import { Extension } from "@tiptap/react";

const idAttribute = (name: string, dataName: string) => ({
  default: null,
  // Enter splits a block in two: the new half is a new block and gets a new id on save.
  keepOnSplit: false,
  parseHTML: (element: HTMLElement) => element.getAttribute(dataName),
  renderHTML: (attributes: Record<string, unknown>) =>
    typeof attributes[name] === "string" ? { [dataName]: attributes[name] } : {},
});

export const BlockIds = Extension.create({
  name: "blockIds",
  addGlobalAttributes() {
    return [
      {
        types: ["paragraph", "heading", "listItem"],
        attributes: {
          blockId: idAttribute("blockId", "data-block-id"),
          sourceId: idAttribute("sourceId", "data-source-id"),
        },
      },
    ];
  },
});
