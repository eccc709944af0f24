import { useRef } from 'react';
import { useApi } from '../../api/use-api';
import { passageHref, routeHref } from '../../app/routes';
import { EmptyState, Loaded } from '../../components/States';
import type { FigureGroup } from '../../../../electron/core/evidence/index';
import { FilterMenu } from './FilterMenu';
import { ExportMenu } from './ExportMenu';
import { pictureOf } from './html-picture';
import { CiteTable } from './CiteTable';

export interface FigureFilters {
  docIds: string[];
  differOnly: boolean;
}

export const initialFigureFilters: FigureFilters = { docIds: [], differOnly: false };

/** Figures grouped by what they measure, the groups where the papers disagree first. */
export function FiguresTab({ filters, setFilters }: { filters: FigureFilters; setFilters: (f: FigureFilters) => void }) {
  const args = { ...(filters.docIds.length ? { docIds: filters.docIds } : {}), ...(filters.differOnly ? { differOnly: true } : {}) };
  const groups = useApi('evidence.figures', args);
  const documents = useApi('corpus.documents', {});
  const list = useRef<HTMLDivElement>(null);
  return (
    <Loaded state={documents}>
      {(docs) => {
        const bundled = docs.filter((d) => d.origin === 'bundled');
        const title = (docId: string) => docs.find((d) => d.id === docId)?.title ?? docId;
        return (
          <div className="evidence-figures-tab">
            <div className="evidence-filters">
              <FilterMenu label="Papers" options={bundled.map((d) => ({ value: d.id, label: d.title }))} selected={filters.docIds} onChange={(docIds) => setFilters({ ...filters, docIds })} />
              <label className="evidence-check">
                <input type="checkbox" checked={filters.differOnly} onChange={(e) => setFilters({ ...filters, differOnly: e.target.checked })} /> Only where the papers differ
              </label>
            </div>
            <Loaded state={groups}>
              {(items) =>
                items.length === 0 ? (
                  <EmptyState title="No figures match">{filters.differOnly ? 'No papers disagree among these figures. Untick “Only where the papers differ” to see them all.' : 'These papers state no figures. Choose other papers.'}</EmptyState>
                ) : (
                  <>
                    <div className="evidence-toolbar">
                      <p className="muted evidence-count" role="status">
                        {items.length} measures, {items.filter((g) => g.differ).length} where the papers differ
                      </p>
                      <ExportMenu view="figures" draw={(format) => pictureOf(list.current ?? document.body, format)} csv={{ view: 'figures', filters: args }} />
                    </div>
                    <div ref={list} className="evidence-figure-groups">
                      {items.map((group) => (
                        <FigureGroupCard key={group.key} group={group} title={title} />
                      ))}
                    </div>
                  </>
                )
              }
            </Loaded>
          </div>
        );
      }}
    </Loaded>
  );
}

function FigureGroupCard({ group, title }: { group: FigureGroup; title: (docId: string) => string }) {
  const max = Math.max(...group.figures.map((f) => f.value));
  return (
    <section className="evidence-figure-group" data-differ={group.differ} data-subject={group.subject} aria-label={group.subject}>
      <header className="evidence-figure-head">
        <h2>
          {group.entityId ? <a href={routeHref('entities', [group.entityId])}>{group.subject}</a> : group.subject}
          {group.differ ? <span className="evidence-differ">Papers differ</span> : null}
        </h2>
        <CiteTable of={{ of: 'figures', key: group.key }} label={`Cite ${group.subject} in a draft`} what={`${group.subject}: ${group.figures.length} ${group.figures.length === 1 ? 'figure' : 'figures'} from ${new Set(group.figures.map((f) => f.docId)).size} ${new Set(group.figures.map((f) => f.docId)).size === 1 ? 'paper' : 'papers'}, as a table citing each passage.`} />
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">Paper</th>
            <th scope="col">Figure</th>
            <th scope="col">As of</th>
            <th scope="col">
              <span className="visually-hidden">Passage</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {group.figures.map((figure) => (
            <tr key={figure.id} data-doc-id={figure.docId}>
              <td className="evidence-figure-paper" title={title(figure.docId)}>
                {title(figure.docId)}
              </td>
              <td className="evidence-figure-value">
                <span className="evidence-figure-label" title={figure.claim}>
                  {figure.label}
                </span>
                {/* The bar compares the group's values; it is drawn from the value, not the text. */}
                <span className="evidence-bar" aria-hidden="true">
                  <span style={{ width: `${max > 0 ? Math.max(2, (figure.value / max) * 100) : 0}%` }} />
                </span>
              </td>
              <td>{figure.asOfLabel ?? '—'}</td>
              <td>
                <a href={passageHref(figure.docId, figure.passageId)} className="evidence-passage-link" title={`Open the passage: ${figure.claim}`}>
                  Open
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
