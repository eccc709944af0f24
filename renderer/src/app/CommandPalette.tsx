import { Command } from 'cmdk';
import { useEffect, useState } from 'react';
import { useApi } from '../api/use-api';
import { api } from '../api/client';
import type { DocumentSummary, EntitySummary } from '../../../electron/core/api/methods/corpus';
import type { SearchResult } from '../../../electron/core/search/types';
import { navigate } from './use-route';
import { routeHref, views } from './routes';
import { Highlighted } from '../views/search/Highlighted';
import { typeLabels } from '../views/search/facet-filters';
import { bestNamed, paletteFilter, quickResultValue, SEARCH_EVERYTHING_VALUE } from '../views/search/palette-filter';
import { resultHref } from '../views/search/result-href';
import { useSearch } from '../views/search/use-search';
import { useSearchShortcut } from '../views/search/use-search-shortcut';
import './CommandPalette.css';

const QUICK_RESULTS = 8;
const ENTITIES_SHOWN = 6;
const entityValue = (entity: EntitySummary) => `entity ${entity.name} ${entity.aliases.join(' ')}`;

/** Ctrl/Cmd+K: jump to a view, a paper or an entity, or straight to a search result, by typing. */
export function CommandPalette({ open, onClose, onOpenHelp }: { open: boolean; onClose: () => void; onOpenHelp: () => void }) {
  const documents: DocumentSummary[] = useApi('corpus.documents', {}, { enabled: open }).value ?? [];
  const entities: EntitySummary[] = useApi('corpus.entities', {}, { enabled: open }).value ?? [];
  const [query, setQuery] = useState('');
  const quick = useSearch(open ? query : '', undefined, QUICK_RESULTS);
  // The palette is always mounted, so the search shortcut lives here to work from every view.
  useSearchShortcut();

  useEffect(() => {
    if (!open) return;
    setQuery('');
  }, [open]);

  if (!open) return null;
  const go = (href: string) => {
    navigate(href);
    onClose();
  };
  const openResult = (result: SearchResult) => {
    void api.invoke('search.remember', { query: query.trim() }).catch(() => undefined);
    go(resultHref(result));
  };
  const trimmed = query.trim();
  const quickResults = trimmed && quick.answered === trimmed ? (quick.response?.results ?? []) : [];
  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div className="palette" role="dialog" aria-label="Command palette" onMouseDown={(event) => event.stopPropagation()}>
        <Command label="Command palette" loop filter={paletteFilter}>
          <Command.Input
            autoFocus
            value={query}
            onValueChange={setQuery}
            placeholder="Type a view, a paper, an entity or any words…"
            onKeyDown={(event) => {
              if (event.key === 'Escape') onClose();
            }}
          />
          <Command.List>
            <Command.Empty>Nothing matches “{query}”.</Command.Empty>
            <Command.Group heading="Views">
              {views.map((view) => (
                <Command.Item key={view.name} value={`view ${view.label} ${view.description}`} onSelect={() => go(routeHref(view.name))}>
                  {view.label}
                  <span className="palette-hint">{view.description}</span>
                </Command.Item>
              ))}
              <Command.Item value="view references library zotero bibtex ris csl citation keys" onSelect={() => go(routeHref('library', ['references']))}>
                References
                <span className="palette-hint">The works you cite, imported from Zotero (.bib, .ris, CSL JSON)</span>
              </Command.Item>
              <Command.Item
                value="view keyboard shortcuts help keys"
                onSelect={() => {
                  onClose();
                  onOpenHelp();
                }}
              >
                Keyboard shortcuts
                <span className="palette-hint">Every shortcut of the app (?)</span>
              </Command.Item>
            </Command.Group>
            <Command.Group heading="Papers">
              {documents.map((document) => (
                <Command.Item key={document.id} value={`paper ${document.title} ${document.authors.join(' ')}`} onSelect={() => go(routeHref('reader', [document.id]))}>
                  {document.title}
                  <span className="palette-hint">{document.authors.join(', ')}</span>
                </Command.Item>
              ))}
            </Command.Group>
            {query.length > 0 ? (
              <Command.Group heading="Entities">
                {bestNamed(entities, entityValue, query, ENTITIES_SHOWN).map((entity) => (
                  <Command.Item key={entity.id} value={entityValue(entity)} onSelect={() => go(routeHref('entities', [entity.id]))}>
                    {entity.name}
                    <span className="palette-hint">{entity.type}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            ) : null}
            {quickResults.length > 0 ? (
              <Command.Group heading="Search results" className="palette-search-group">
                {quickResults.map((result, rank) => (
                  <Command.Item key={result.id} value={quickResultValue(rank, result.id)} data-result-id={result.id} onSelect={() => openResult(result)}>
                    <QuickResult result={result} />
                    <span className="palette-hint">{typeLabels[result.type].one}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            ) : null}
            {trimmed ? (
              <Command.Group heading="Search">
                <Command.Item value={SEARCH_EVERYTHING_VALUE} onSelect={() => go(routeHref('search', [], { q: trimmed }))}>
                  Search everything for “{trimmed}”
                  <span className="palette-hint">
                    {quick.response && quick.answered === trimmed ? `${quick.response.total} result${quick.response.total === 1 ? '' : 's'}` : ''}
                  </span>
                </Command.Item>
              </Command.Group>
            ) : null}
          </Command.List>
        </Command>
      </div>
    </div>
  );
}

/**
 * Passages, footnotes and annotations are known by their words (their titles repeat the
 * section or the paper), so their snippet leads; other things lead with their name.
 */
function QuickResult({ result }: { result: SearchResult }) {
  const byWords = result.type === 'passage' || result.type === 'footnote' || result.type === 'annotation';
  const title = <Highlighted text={result.title} ranges={result.titleHighlights} />;
  const snippet = <Highlighted text={result.snippet.text} ranges={result.snippet.highlights} />;
  const hasSnippet = result.snippet.text !== '' && result.snippet.text !== result.title;
  return (
    <span className="palette-search-result">
      <span className="palette-search-title">{byWords && hasSnippet ? snippet : title}</span>
      {hasSnippet ? <span className="palette-search-snippet">{byWords ? title : snippet}</span> : null}
    </span>
  );
}
