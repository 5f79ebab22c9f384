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
  // Before the editor's own Enter, which would split the block and leave its id on the empty half.
  priority: 1000,
  addKeyboardShortcuts() {
    return {
      // Enter at the start of a paragraph or subheading makes room above it: the text below keeps its block (and its
      // translations' pairing), and the empty block above is the new one.
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        const block = $from.parent;
        if (!empty || $from.parentOffset !== 0 || block.content.size === 0) return false;
        if (block.type.name !== "paragraph" && block.type.name !== "heading") return false;
        if ($from.depth > 1 && $from.node($from.depth - 1).type.name === "listItem") return false;
        const above = $from.before();
        return editor.commands.command(({ tr, dispatch, state }) => {
          if (dispatch) tr.insert(above, state.schema.nodes.paragraph!.create()).scrollIntoView();
          return true;
        });
      },
    };
  },
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
