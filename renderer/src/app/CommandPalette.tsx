import { Command } from 'cmdk';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { DocumentSummary, EntitySummary } from '../../../electron/core/api/methods/corpus';
import { navigate } from './use-route';
import { routeHref, views } from './routes';

/** Ctrl/Cmd+K: jump to a view, a paper or an entity by typing. */
export function CommandPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  const [query, setQuery] = useState('');

  useEffect(() => {
    if (!open) return;
    setQuery('');
    void api.invoke('corpus.documents', {}).then(setDocuments, () => setDocuments([]));
    void api.invoke('corpus.entities', {}).then(setEntities, () => setEntities([]));
  }, [open]);

  if (!open) return null;
  const go = (href: string) => {
    navigate(href);
    onClose();
  };
  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div className="palette" role="dialog" aria-label="Command palette" onMouseDown={(event) => event.stopPropagation()}>
        <Command label="Command palette" loop>
          <Command.Input
            autoFocus
            value={query}
            onValueChange={setQuery}
            placeholder="Type a view, a paper or an entity…"
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
                {entities.map((entity) => (
                  <Command.Item key={entity.id} value={`entity ${entity.name} ${entity.aliases.join(' ')}`} onSelect={() => go(routeHref('entities', [entity.id]))}>
                    {entity.name}
                    <span className="palette-hint">{entity.type}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            ) : null}
          </Command.List>
        </Command>
      </div>
    </div>
  );
}
