import { useState } from 'react';
import type { ArgsOf } from '../../../../electron/core/api/contract';
import { api } from '../../api/client';
import { routeHref } from '../../app/routes';
import { CiteInDraftDialog, type CitedInDraft } from '../drafts/CiteInDraftDialog';

type TableOf = ArgsOf<'evidence.citationTable'>;

/**
 * "Cite in draft…" for evidence: core makes the table (`evidence.citationTable`: a row per
 * figure, paper or passage, each citing its passages) and appends it to the chosen draft
 * (`drafts.appendTable`); the dialog caches the new draft so an editor opened on it starts
 * from the table, never autosaving over it. Says where it went, with a link to the draft.
 */
export function CiteTable({ of, what, label }: { of: TableOf; what: string; /** The button's accessible name: "Cite KFOR · troops in a draft". */ label: string }) {
  const [open, setOpen] = useState(false);
  const [cited, setCited] = useState<CitedInDraft | undefined>();
  const key = JSON.stringify(of);
  const [citedFor, setCitedFor] = useState(key);
  // Another figure group, event or link: the last confirmation was about something else.
  if (citedFor !== key) {
    setCitedFor(key);
    setCited(undefined);
  }
  return (
    <span className="evidence-cite">
      <button type="button" className="evidence-cite-button" aria-label={label} title={label} onClick={() => setOpen(true)}>
        Cite in draft…
      </button>
      {cited ? (
        <span className="evidence-cited" role="status">
          Added to “{cited.title}”. <a href={routeHref('drafts', [cited.draftId])}>Open the draft</a>
        </span>
      ) : null}
      {open ? (
        <CiteInDraftDialog
          what={what}
          hint="A table is added at the end of the draft: a row for each source, each citing its passage in the draft's citation style, and the papers join its bibliography."
          append={async (draftId) => api.invoke('drafts.appendTable', { id: draftId, table: await api.invoke('evidence.citationTable', of) })}
          onCancel={() => setOpen(false)}
          onCited={(result) => {
            setOpen(false);
            setCited(result);
          }}
        />
      ) : null}
    </span>
  );
}
