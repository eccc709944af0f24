import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { useTeamUsers } from './TeamUsersProvider';

/**
 * Sync with the team's CouchDB server: its address (kept in the workspace), the name and
 * password (kept in the system keychain by the app, never in the workspace), a Sync button
 * and how the last sync went. Nothing is sent until the button is pressed.
 */
export function SyncPanel() {
  const settings = useApi('team.syncSettings', {});
  const login = useApi('team.syncLogin', {});
  const team = useTeamUsers();
  const [server, setServer] = useState<string>();
  const [username, setUsername] = useState<string>();
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'error'; message: string }>();
  const savedUrl = settings.status === 'ready' ? (settings.data?.url ?? '') : '';
  const savedName = login.status === 'ready' ? (login.data.username ?? '') : '';
  const address = server ?? savedUrl;
  const name = username ?? savedName;

  const sync = async (event: FormEvent) => {
    event.preventDefault();
    setStatus({ kind: 'busy', message: 'Syncing…' });
    try {
      if (password) {
        await api.invoke('team.saveSyncLogin', { username: name, password });
        setPassword('');
        login.reload();
      }
      const result = await api.invoke('team.sync', { server: address });
      setStatus({
        kind: 'done',
        message: [
          `Synced: ${result.pushed} revision${result.pushed === 1 ? '' : 's'} sent; ${result.added} added, ${result.updated} updated, ${result.conflicts} conflict${result.conflicts === 1 ? '' : 's'}${result.documents ? `; ${result.documents} document${result.documents === 1 ? '' : 's'} received` : ''}.`,
          ...result.refusedDocuments.map((refused) => refused.problem),
          ...(result.replacedDocuments.length > 0 ? [`${result.replacedDocuments.length} document${result.replacedDocuments.length === 1 ? '' : 's'} brought to a newer version (anonymised or corrected since).`] : []),
          ...(result.replacedDocuments.some((replaced) => replaced.keptAside) ? ['Where both sides had rewritten a document, the version this workspace had is kept: choose under Conflicts.'] : []),
        ].join(' '),
      });
      settings.reload();
      team.reload();
    } catch (error) {
      const details = error instanceof ApiError ? (error.details as { reason?: string; status?: number; username?: string } | undefined) : undefined;
      const message =
        details?.reason === 'credentials'
          ? `The server refused ${details.username ? `the name “${details.username}” and its password` : 'to let you in without a name and password'} (HTTP ${details.status}). Check them above and sync again; nothing was changed.`
          : (error as Error).message;
      setStatus({ kind: 'error', message });
    }
  };

  const last = settings.status === 'ready' ? settings.data?.lastSync : undefined;
  return (
    <div className="team-section">
      <h2>Sync with the team’s server</h2>
      <p className="muted">
        Your work goes to the team’s CouchDB server and your colleagues’ comes back, only when you press Sync. Work done offline waits for the next sync; edits that meet appear under Conflicts.
      </p>
      <form className="sync-form" onSubmit={(event) => void sync(event)}>
        <label htmlFor="sync-server">Server address</label>
        <input id="sync-server" type="url" placeholder="https://couch.example.org:6984" value={address} onChange={(event) => setServer(event.target.value)} required />
        <label htmlFor="sync-user">Your name on the server</label>
        <input id="sync-user" type="text" autoComplete="username" value={name} onChange={(event) => setUsername(event.target.value)} />
        <label htmlFor="sync-password">Password</label>
        <input
          id="sync-password"
          type="password"
          autoComplete="current-password"
          placeholder={savedName ? 'kept in the system keychain' : ''}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="sync-actions">
          <button type="submit" className="primary" disabled={status?.kind === 'busy' || !address}>
            Sync now
          </button>
          {status ? (
            <p role={status.kind === 'error' ? 'alert' : 'status'} className={`sync-status sync-${status.kind}`}>
              {status.message}
            </p>
          ) : null}
        </div>
      </form>
      <p className="muted sync-last">{last ? `Last sync ${new Date(last.at).toLocaleString()}: ${last.pushed} sent, ${last.added} added, ${last.updated} updated, ${last.conflicts} conflicts.` : 'Not synced yet.'}</p>
    </div>
  );
}
