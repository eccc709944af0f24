import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { annotationDragType } from '../../annotations/annotation-drag';

export { annotationDragType };

export interface AnnotationDropOptions {
  /** Called with the dropped annotation and the document position to insert at (after the block under the pointer). */
  onDrop: (editor: Editor, annotationId: string, insertAt: number) => void;
}

/** Parses the drag payload; anything malformed is not an annotation drop. */
export function annotationIdFromDrag(data: string): string | undefined {
  try {
    const parsed = JSON.parse(data) as { annotationId?: unknown };
    return typeof parsed.annotationId === 'string' && parsed.annotationId ? parsed.annotationId : undefined;
  } catch {
    return undefined;
  }
}

/** Dropping an annotation onto the editor quotes it (a block quote) with its citation. */
export const AnnotationDrop = Extension.create<AnnotationDropOptions>({
  name: 'annotationDrop',

  addOptions() {
    return { onDrop: () => undefined };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('annotationDrop'),
        props: {
          handleDOMEvents: {
            // Without this the browser refuses the drop of a type it does not know.
            dragover: (_view, event) => {
              if (event.dataTransfer?.types.includes(annotationDragType)) event.preventDefault();
              return false;
            },
          },
          handleDrop: (view, event) => {
            const raw = event.dataTransfer?.getData(annotationDragType);
            if (!raw) return false;
            const annotationId = annotationIdFromDrag(raw);
            if (!annotationId) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.doc.content.size;
            const $at = view.state.doc.resolve(Math.min(at, view.state.doc.content.size));
            // A quote is a block: it goes after the top-level block the pointer is over.
            options.onDrop(editor, annotationId, $at.depth >= 1 ? $at.after(1) : $at.pos);
            return true;
          },
        },
      }),
    ];
  },
});
