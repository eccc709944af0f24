import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { Loaded, EmptyState } from '../components/States';
import { passageHref, routeHref } from '../app/routes';
import type { Route } from '../app/routes';
import type { Recommendation } from '../../../electron/core/corpus/schema';
import { EvidencePanel } from '../annotations/EvidencePanel';
import { CiteInDraftDialog, type CitedInDraft } from './drafts/CiteInDraftDialog';
import { citationOfRecommendation } from './drafts/recommendation-matches';
import './RecommendationsView.css';

type Grouping = 'paper' | 'addressee';

export function RecommendationsView({ route }: { route: Route }) {
  const grouping: Grouping = route.query.get('by') === 'addressee' ? 'addressee' : 'paper';
  const recommendations = useApi('corpus.recommendations', {});
  const documents = useApi('corpus.documents', {});
  const titles = useMemo(
    () => (documents.status === 'ready' ? new Map(documents.data.map((document) => [document.id, document.title])) : new Map<string, string>()),
    [documents],
  );
  return (
    <section className="view recommendations-view" aria-labelledby="recommendations-title">
      <header className="view-header">
        <h1 id="recommendations-title">Recommendations</h1>
        <div className="segmented" role="group" aria-label="Group recommendations">
          <a href={routeHref('recommendations', [], { by: 'paper' })} aria-pressed={grouping === 'paper'}>
            By paper
          </a>
          <a href={routeHref('recommendations', [], { by: 'addressee' })} aria-pressed={grouping === 'addressee'}>
            By addressee
          </a>
        </div>
      </header>
      <Loaded state={recommendations}>
        {(items) => (items.length === 0 ? <EmptyState title="No recommendations" /> : <Grouped items={items} grouping={grouping} titles={titles} />)}
      </Loaded>
    </section>
  );
}

function Grouped({ items, grouping, titles }: { items: Recommendation[]; grouping: Grouping; titles: Map<string, string> }) {
  const groups = useMemo(() => {
    const map = new Map<string, Recommendation[]>();
    for (const item of items) {
      const keys = grouping === 'paper' ? [item.docId] : item.addressees.length > 0 ? item.addressees : ['Unspecified'];
      for (const key of keys) map.set(key, [...(map.get(key) ?? []), item]);
    }
    return [...map.entries()].sort((a, b) => (grouping === 'addressee' ? b[1].length - a[1].length : 0));
  }, [items, grouping]);
  // One dialog at a time; the confirmation stays under the recommendation that was cited.
  const [citing, setCiting] = useState<Recommendation | undefined>(undefined);
  const [cited, setCited] = useState<{ recommendationId: string } & CitedInDraft>();
  return (
    <div className="recommendation-groups">
      {groups.map(([key, members]) => (
        <section key={key} className="recommendation-group">
          <h2>
            {grouping === 'paper' ? (titles.get(key) ?? key) : key} <span className="count">{members.length}</span>
          </h2>
          <ol>
            {members.map((item) => (
              <li key={item.id} className="recommendation" data-recommendation-id={item.id}>
                <h3>
                  <span className="ordinal">{item.ordinal}</span> {item.title}
                </h3>
                {item.text !== item.title ? <p>{item.text}</p> : null}
                <p className="recommendation-meta">
                  {item.addressees.map((addressee) => (
                    <span key={addressee} className="chip">
                      {addressee}
                    </span>
                  ))}
                  {grouping === 'addressee' ? <span className="muted">{titles.get(item.docId) ?? item.docId}</span> : null}
                  <a href={passageHref(item.docId, item.passageId)}>Source passage</a>
                  <button type="button" className="recommendation-cite" onClick={() => setCiting(item)} aria-label={`Cite recommendation ${item.ordinal} in a draft`}>
                    Cite in draft…
                  </button>
                </p>
                {cited?.recommendationId === item.id ? (
                  <p className="recommendation-cited" role="status">
                    Cited in “{cited.title}”. <a href={routeHref('drafts', [cited.draftId])}>Open the draft</a>
                  </p>
                ) : null}
                <EvidencePanel recommendationId={item.id} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      {citing ? (
        <CiteInDraftDialog
          what={`Recommendation ${citing.ordinal} · ${titles.get(citing.docId) ?? citing.docId}: ${citing.text}`}
          citation={async () => citationOfRecommendation(citing, (await api.invoke('corpus.passage', { passageId: citing.passageId })).page)}
          onCancel={() => setCiting(undefined)}
          onCited={(result) => {
            setCiting(undefined);
            setCited({ recommendationId: citing.id, ...result });
          }}
        />
      ) : null}
    </div>
  );
}
