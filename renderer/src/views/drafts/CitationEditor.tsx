import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { FormattedCitationView } from '../../../../electron/core/api/methods/drafts';
import { citationNodeName, type CitationAttrs } from '../../../../electron/common/drafts/citation-node';
import { floatingPosition } from './floating-position';
import './CitationEditor.css';

interface Props {
  editor: Editor;
  pos: number;
  attrs: CitationAttrs;
  formatted?: FormattedCitationView;
  onOpen: () => void;
}

const fields = [
  { key: 'locator', label: 'Page', placeholder: 'e.g. 12 or 12–14' },
  { key: 'prefix', label: 'Prefix', placeholder: 'e.g. see' },
  { key: 'suffix', label: 'Suffix', placeholder: 'e.g. emphasis added' },
] as const;

/**
 * Edits the selected citation: page (locator), prefix, suffix, and whether the author
 * is printed ("as Ilazi argues (2025, 3)"). Each change is applied at once, so the
 * citation and the bibliography re-format as you type.
 */
export function CitationEditor({ editor, pos, attrs, formatted, onOpen }: Props) {
  const [values, setValues] = useState(() => ({ locator: attrs.locator ?? '', prefix: attrs.prefix ?? '', suffix: attrs.suffix ?? '' }));
  // Another citation selected: start from its values.
  useEffect(() => setValues({ locator: attrs.locator ?? '', prefix: attrs.prefix ?? '', suffix: attrs.suffix ?? '' }), [pos, attrs.targetId]); // eslint-disable-line react-hooks/exhaustive-deps

  const apply = (change: Partial<CitationAttrs>) => {
    // Changing an atom's attributes replaces the node, which drops the node selection: select it again so this editor stays open.
    editor.chain().setNodeSelection(pos).updateAttributes(citationNodeName, change).setNodeSelection(pos).run();
  };

  const style = floatingPosition(editor.view.coordsAtPos(pos), formatted?.quoteDeleted ? 380 : 280, 330, { fit: true });

  return (
    <div className="citation-editor floating-panel" role="dialog" aria-label="Edit citation" style={style}>
      <div className="citation-editor-preview">{formatted?.text ?? '…'}</div>
      {formatted?.quoteDeleted ? (
        <div className="citation-editor-deleted" role="note">
          <p>
            <strong>Quote deleted.</strong> “{formatted.quoteDeleted.quote.length > 100 ? `${formatted.quoteDeleted.quote.slice(0, 97)}…` : formatted.quoteDeleted.quote}” was deleted; this still cites its passage until you choose.
          </p>
          <div className="citation-editor-actions">
            {formatted.quoteDeleted.passageId ? (
              <button type="button" className="primary" onClick={() => apply({ targetKind: 'passage', targetId: formatted.quoteDeleted!.passageId! })}>
                Cite the passage
              </button>
            ) : null}
            <button type="button" className="danger" onClick={() => editor.chain().focus().setNodeSelection(pos).deleteSelection().run()}>
              Remove
            </button>
          </div>
        </div>
      ) : null}
      {fields.map((field) => (
        <label key={field.key} className="citation-editor-field">
          <span>{field.label}</span>
          <input
            type="text"
            name={field.key}
            value={values[field.key]}
            placeholder={field.placeholder}
            onChange={(event) => {
              const value = event.target.value;
              setValues((previous) => ({ ...previous, [field.key]: value }));
              apply({ [field.key]: value.trim() === '' ? null : value });
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === 'Escape') {
                event.preventDefault();
                editor.chain().focus().setTextSelection(pos + 1).run();
              }
            }}
          />
        </label>
      ))}
      <label className="citation-editor-check">
        <input type="checkbox" name="suppressAuthor" checked={attrs.suppressAuthor} onChange={(event) => apply({ suppressAuthor: event.target.checked })} />
        Leave out the author
      </label>
      <div className="citation-editor-actions">
        <button type="button" onClick={onOpen}>
          Open source
        </button>
        {formatted?.quoteDeleted ? null : (
          <button type="button" className="danger" onClick={() => editor.chain().focus().setNodeSelection(pos).deleteSelection().run()}>
            Remove
          </button>
        )}
      </div>
    </div>
  );
}
