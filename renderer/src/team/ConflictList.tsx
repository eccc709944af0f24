import { useState } from 'react';
import type { ConflictVersion, ConflictView } from '../../../electron/core/team/methods';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { EmptyState, Loaded } from '../components/States';
import { useTeamUsers } from './TeamUsersProvider';

/** Records that colleagues changed differently, each with every version side by side; keeping one is a new revision. */
export function ConflictList() {
  const conflicts = useApi('team.conflicts', {});
  return (
    <div className="team-section">
      <h2>Conflicts</h2>
      <Loaded state={conflicts}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="No conflicts">
              <p>When you and a colleague change the same record before exchanging work, both versions are kept and shown here for you to choose.</p>
            </EmptyState>
          ) : (
            <ul className="conflict-list">
              {list.map((conflict) => (
                <ConflictItem key={`${conflict.collection}/${conflict.id}`} conflict={conflict} onResolved={conflicts.reload} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}

function ConflictItem({ conflict, onResolved }: { conflict: ConflictView; onResolved: () => void }) {
  const [error, setError] = useState<string>();
  const keep = (version: ConflictVersion) =>
    api.invoke('team.resolveConflict', { collection: conflict.collection, id: conflict.id, rev: version.rev }).then(onResolved, (failure: Error) => setError(failure.message));
  const kind = conflict.kind === 'edit-delete' ? 'deleted on one side, edited on the other' : 'edited on both sides';
  return (
    <li className="conflict-item" data-conflict-id={conflict.id}>
      <h3>
        {describeRecord(conflict)} <span className="muted">· {kind}</span>
      </h3>
      <div className="conflict-versions">
        {conflict.versions.map((version) => (
          <VersionCard key={version.rev} version={version} onKeep={() => void keep(version)} />
        ))}
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </li>
  );
}

function VersionCard({ version, onKeep }: { version: ConflictVersion; onKeep: () => void }) {
  const team = useTeamUsers();
  const topics = useApi('topics.list', {});
  const topicPaths = new Map(topics.status === 'ready' ? topics.data.map((topic) => [topic.id, topic.path]) : []);
  const record = (version.record ?? {}) as Record<string, unknown>;
  return (
    <article className="conflict-version" aria-label={`Version by ${team.nameOf(version.author)}`}>
      <p className="conflict-version-meta">
        <span className="coder-swatch" style={{ background: team.colorOf(version.author) }} aria-hidden="true" />
        <strong>{team.nameOf(version.author)}</strong> <span className="muted">{new Date(version.at).toLocaleString()}</span>
        {version.current ? <span className="chip">shown now</span> : null}
      </p>
      {version.deleted ? (
        <p className="conflict-deleted">Deleted</p>
      ) : (
        <dl className="conflict-fields">
          {Object.entries(record)
            .filter(([key, value]) => shownFields.has(key) && !(Array.isArray(value) && value.length === 0))
            .map(([key, value]) => (
              <div key={key}>
                <dt>{shownFields.get(key)}</dt>
                <dd>{fieldText(key === 'topicIds' && Array.isArray(value) ? value.map((id: string) => topicPaths.get(id) ?? id) : value)}</dd>
              </div>
            ))}
        </dl>
      )}
      <button type="button" onClick={onKeep}>
        {version.deleted ? 'Delete it' : 'Keep this version'}
      </button>
    </article>
  );
}

/** What a person compares; ids, anchors and timestamps are the same on both sides or mean nothing to them. */
const shownFields = new Map([
  ['note', 'Note'],
  ['color', 'Colour'],
  ['topicIds', 'Topics'],
  ['entityIds', 'Entities'],
  ['recommendationIds', 'Recommendations'],
  ['name', 'Name'],
  ['description', 'Description'],
  ['title', 'Title'],
  ['meaning', 'Meaning'],
]);

function fieldText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  if (value === '' || value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describeRecord(conflict: ConflictView): string {
  const live = conflict.versions.find((version) => !version.deleted)?.record as { target?: { selectors?: { quote?: { exact?: string } } }; name?: string; title?: string } | undefined;
  const quote = live?.target?.selectors?.quote?.exact;
  if (quote) return `Annotation “${quote.length > 80 ? `${quote.slice(0, 79)}…` : quote}”`;
  return `${conflict.collection} ${live?.name ?? live?.title ?? conflict.id}`;
}
