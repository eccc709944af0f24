import type { Extensions } from '@tiptap/core';
import { Placeholder } from '@tiptap/extension-placeholder';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { AnnotationDrop, type AnnotationDropOptions } from './annotation-drop';
import { CitationExtension } from './citation-extension';
import { CitationPunctuation } from './citation-punctuation';
import { CitationSuggestion, type CitationSuggestionOptions } from './citation-suggestion';

/** The draft editor's schema and behaviour: what core's exporters understand, plus citations. */
export function draftEditorExtensions(suggestion: CitationSuggestionOptions, drop: AnnotationDropOptions): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      // Links are followed from the exports, not while writing: a click places the caret.
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Placeholder.configure({ placeholder: 'Start writing. Type @ to cite a passage, an annotation or a paper.' }),
    CitationExtension,
    CitationSuggestion.configure(suggestion),
    CitationPunctuation,
    AnnotationDrop.configure(drop),
  ];
}
