import { useEffect, useState } from 'react';
import type { ExportBundleResult, MergeResult, TeamProgressEvent } from '../../../electron/core/team/methods';
import { api, ApiError } from '../api/client';
import { routeHref } from '../app/routes';
import { useTeamUsers } from './TeamUsersProvider';
import { useDroppedBundles } from './bundle-drop';
import { MAX_DROPPED_BYTES, readFileAsBase64 } from '../import/read-file-base64';

type SinceChoice = 'all' | 'date' | 'bundle';
/** Where a bundle to merge comes from: chosen in the dialog (a granted path) or dropped (bytes). */
type BundleSource = { kind: 'chosen'; path: string } | { kind: 'dropped'; file: File };
type Outcome =
  | { kind: 'exported'; result: ExportBundleResult }
  | { kind: 'merged'; result: MergeResult }
  | { kind: 'error'; title: string; message: string; joinSource?: BundleSource }
  | { kind: 'cancelled'; message: string };

/** The last bundle written in this session: its lastSeq is what "changed since my last bundle" means. */
let lastExport: { lastSeq: number; at: string } | undefined;

const stageLabels: Record<TeamProgressEvent['stage'], string> = {
  reading: 'Reading the bundle',
  checking: 'Checking it belongs to this project',
  documents: 'Documents',
  records: 'Records',
  writing: 'Writing the bundle',
  loading: 'Opening the documents it brought',
  done: 'Done',
};

/**
 * Work exchanged offline, from the app: "Export my work…" writes a bundle where the user
 * says (the save dialog, a host method), everything or only what changed since a date or the
 * last bundle; "Merge a colleague's bundle…" brings one in and answers what it added,
 * updated, left unchanged, and which records are now in conflict.
 */
export function ExchangePanel() {
  const team = useTeamUsers();
  const [since, setSince] = useState<SinceChoice>(lastExport ? 'bundle' : 'all');
  const [date, setDate] = useState(() => (lastExport ? lastExport.at.slice(0, 10) : ''));
  const [seq, setSeq] = useState(() => (lastExport ? String(lastExport.lastSeq) : ''));
  const [busy, setBusy] = useState<'export' | 'merge'>();
  const [progress, setProgress] = useState<TeamProgressEvent>();
  const [outcome, setOutcome] = useState<Outcome>();

  useEffect(() => {
    if (!busy) return undefined;
    return api.subscribe('team.progress', (event) => {
      if (event.operation === busy) setProgress(event);
    });
  }, [busy]);

  const sinceArgument = (): number | string | undefined | Error => {
    if (since === 'all') return undefined;
    if (since === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : new Error('Choose the date from which to export changes.');
    return /^\d+$/.test(seq) ? Number(seq) : new Error('Give the number of your last bundle (its “next time” number), or export everything.');
  };

  const exportWork = async () => {
    const sinceValue = sinceArgument();
    if (sinceValue instanceof Error) {
      setOutcome({ kind: 'error', title: 'Nothing was exported', message: sinceValue.message });
      return;
    }
    const me = team.users.find((user) => user.current)?.id ?? 'my-work';
    await run('export', async () => {
      const chosen = await api.invoke('team.saveBundleDialog', { suggestedName: `${me}-${new Date().toISOString().slice(0, 10)}.fwx` });
      if (!chosen.path) return { kind: 'cancelled', message: 'Export cancelled: no bundle was written.' };
      const result = await api.invoke('team.exportBundle', { out: chosen.path, ...(sinceValue === undefined ? {} : { since: sinceValue }) });
      lastExport = { lastSeq: result.lastSeq, at: new Date().toISOString() };
      // The next bundle usually carries only what is new since this one.
      setSeq(String(result.lastSeq));
      setSince('bundle');
      return { kind: 'exported', result };
    });
  };

  const mergeBundle = async (source?: BundleSource, join?: boolean) => {
    await run('merge', async () => {
      if (source?.kind === 'dropped') {
        const { file } = source;
        return mergeOutcome(file.name, async (joining) => api.invoke('team.mergeBundleBytes', { fileName: file.name, base64: await readFileAsBase64(file), ...(joining ? { join: joining } : {}) }), source, join);
      }
      const path = source?.path ?? (await api.invoke('team.openBundleDialog', {})).path;
      if (!path) return { kind: 'cancelled', message: 'Merge cancelled: nothing was changed.' };
      return mergeOutcome(path, (joining) => api.invoke('team.mergeBundle', { file: path, ...(joining ? { join: joining } : {}) }), { kind: 'chosen', path }, join);
    });
    team.reload();
  };

  // A bundle dropped on the window comes here (see bundle-drop.ts); it travels as bytes.
  useDroppedBundles((file) => {
    if (busy) return;
    void run('merge', async () => {
      if (file.size > MAX_DROPPED_BYTES) {
        return { kind: 'error', title: 'The bundle could not be merged', message: `“${file.name}” is larger than the ${MAX_DROPPED_BYTES / 1024 / 1024} MB a dropped bundle may be. Choose it with “Merge a colleague’s bundle…” instead; nothing was merged.` };
      }
      return mergeOutcome(file.name, async (join) => api.invoke('team.mergeBundleBytes', { fileName: file.name, base64: await readFileAsBase64(file), ...(join ? { join } : {}) }), { kind: 'dropped', file });
    }).then(() => team.reload());
  });

  const run = async (operation: 'export' | 'merge', work: () => Promise<Outcome>) => {
    setBusy(operation);
    setProgress(undefined);
    setOutcome(undefined);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome({ kind: 'error', title: operation === 'export' ? 'The bundle could not be written' : 'The bundle could not be merged', message: (error as Error).message });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="team-section exchange-panel">
      <h2>Exchange work without a connection</h2>
      <p className="muted">
        A bundle carries your records with their history, deletions included, and the documents you imported, so a colleague’s quotes anchor. Merging the same bundle twice changes nothing. You can also drop a
        colleague’s bundle (.fwx) anywhere on the window.
      </p>

      <fieldset className="exchange-since" disabled={busy !== undefined}>
        <legend>What to export</legend>
        <label>
          <input type="radio" name="exchange-since" checked={since === 'all'} onChange={() => setSince('all')} />
          <span>Everything</span>
        </label>
        <label>
          <input type="radio" name="exchange-since" checked={since === 'date'} onChange={() => setSince('date')} />
          <span>What changed since</span>
          <input type="date" aria-label="Changed since this date" value={date} onChange={(event) => { setDate(event.target.value); setSince('date'); }} />
        </label>
        <label>
          <input type="radio" name="exchange-since" checked={since === 'bundle'} onChange={() => setSince('bundle')} />
          <span>What changed after bundle number</span>
          <input
            type="text"
            inputMode="numeric"
            className="exchange-seq"
            aria-label="Changed after this bundle number"
            placeholder="e.g. 42"
            value={seq}
            onChange={(event) => { setSeq(event.target.value.trim()); setSince('bundle'); }}
          />
        </label>
      </fieldset>

      <div className="exchange-actions">
        <button type="button" className="primary" disabled={busy !== undefined} onClick={() => void exportWork()}>
          Export my work…
        </button>
        <button type="button" disabled={busy !== undefined} onClick={() => void mergeBundle()}>
          Merge a colleague’s bundle…
        </button>
      </div>

      {busy ? (
        <div className="exchange-progress" role="status" aria-live="polite">
          <progress max={progress?.total || 1} value={progress?.total ? progress.done : undefined} aria-label={busy === 'export' ? 'Exporting' : 'Merging'} />
          <span>
            {progress ? stageLabels[progress.stage] : busy === 'export' ? 'Choosing where to save…' : 'Choosing a bundle…'}
            {progress?.total && progress.stage !== 'writing' ? ` (${progress.done ?? 0} of ${progress.total})` : ''}
            {progress?.stage === 'writing' && progress.total ? ` (${progress.done ?? 0}%)` : ''}
          </span>
        </div>
      ) : null}

      {outcome ? <OutcomeView outcome={outcome} onJoin={(source) => void mergeBundle(source, true)} /> : null}
    </div>
  );
}

/**
 * Merges and words the answer; a bundle of another project offered to a workspace with no
 * work of its own becomes an offer to join that project.
 */
async function mergeOutcome(name: string, merge: (join?: boolean) => Promise<MergeResult>, source: BundleSource, join?: boolean): Promise<Outcome> {
  try {
    return { kind: 'merged', result: await merge(join) };
  } catch (error) {
    const details = error instanceof ApiError ? (error.details as { reason?: string; canJoin?: boolean } | undefined) : undefined;
    if (details?.reason === 'other-project' && details.canJoin) {
      return { kind: 'error', title: 'This bundle is from another project', message: (error as Error).message.replace(/ \(to join that project[^)]*\)/, ''), joinSource: source };
    }
    if (error instanceof Error && !error.message.includes(name.split(/[\\/]/).pop() ?? name)) throw new Error(`“${name.split(/[\\/]/).pop()}”: ${error.message}`);
    throw error;
  }
}

function OutcomeView({ outcome, onJoin }: { outcome: Outcome; onJoin: (source: BundleSource) => void }) {
  if (outcome.kind === 'cancelled') return <p className="muted exchange-outcome" role="status">{outcome.message}</p>;
  if (outcome.kind === 'error') {
    return (
      <div className="exchange-outcome exchange-error" role="alert">
        <strong>{outcome.title}</strong>
        <p>{outcome.message}</p>
        {outcome.joinSource ? (
          <p>
            This workspace holds no work of its own yet, so it can join that project.{' '}
            <button type="button" onClick={() => onJoin(outcome.joinSource!)}>
              Join the project and merge
            </button>
          </p>
        ) : null}
      </div>
    );
  }
  if (outcome.kind === 'exported') {
    const { result } = outcome;
    return (
      <div className="exchange-outcome" role="status">
        <strong>Bundle written</strong>
        <p>
          {result.file}: {result.records} record{result.records === 1 ? '' : 's'}, {result.documents} document{result.documents === 1 ? '' : 's'} ({Math.ceil(result.bytes / 1024)} kB). Next time, export what changed after bundle number{' '}
          <strong>{result.lastSeq}</strong> to send only what is new.
        </p>
      </div>
    );
  }
  const { result } = outcome;
  return (
    <div className="exchange-outcome" role="status">
      <strong>Merged {result.from.name}’s bundle</strong>
      <dl className="exchange-counts">
        <div>
          <dt>Added</dt>
          <dd>{result.added}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{result.updated}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{result.unchanged}</dd>
        </div>
        <div>
          <dt>Conflicts</dt>
          <dd>{result.conflicts}</dd>
        </div>
        {result.documents > 0 ? (
          <div>
            <dt>Documents</dt>
            <dd>{result.documents}</dd>
          </div>
        ) : null}
        {result.replacedDocuments.length > 0 ? (
          <div>
            <dt title="Documents anonymised or corrected since they were shared: the newer version replaced the one here">Newer versions</dt>
            <dd>{result.replacedDocuments.length}</dd>
          </div>
        ) : null}
      </dl>
      {result.replacedDocuments.some((replaced) => replaced.keptAside) ? <p>Both sides had rewritten a document: the version this workspace had is kept, and you can choose it under Conflicts.</p> : null}
      {result.conflicts > 0 ? (
        <p>
          <a href={routeHref('team', ['conflicts'])}>
            Choose between the versions of {result.conflicts} conflicting record{result.conflicts === 1 ? '' : 's'}
          </a>
        </p>
      ) : null}
    </div>
  );
}
