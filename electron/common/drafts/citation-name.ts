/**
 * The drafts' citation node's type name, as stored in a draft's content. A module of its own:
 * core reads and writes citations by it without loading the editor's node (and tiptap).
 */
export const citationNodeName = 'citation';
