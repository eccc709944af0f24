import type { MouseEvent } from 'react';
import { routeHref } from '../app/routes';
import { isFinished, type ImportJob } from './import-job';
import { formatClock } from '../media/clock';
import './ImportPanel.css';

interface Props {
  jobs: ImportJob[];
  onCancel: (jobId: string) => void;
  onDismiss: (jobId: string) => void;
  onDismissFinished: () => void;
}

/** The imports of this session: page-by-page progress with Cancel, then the outcome of each file. */
export function ImportPanel({ jobs, onCancel, onDismiss, onDismissFinished }: Props) {
  if (jobs.length === 0) return null;
  const active = jobs.filter((job) => !isFinished(job)).length;
  return (
    <section className="import-panel" aria-labelledby="import-panel-title">
      <header className="import-panel-header">
        <h2 id="import-panel-title">{active > 0 ? `Importing ${active} file${active === 1 ? '' : 's'}` : 'Imports'}</h2>
        {active < jobs.length ? (
          <button type="button" className="link-button" onClick={onDismissFinished}>
            Clear finished
          </button>
        ) : null}
      </header>
      <ul className="import-jobs">
        {jobs.map((job) => (
          <li key={job.id} className={`import-job import-job-${job.status}`} data-job-status={job.status}>
            <div className="import-job-line">
              <span className="import-file-name" title={job.fileName}>
                {job.fileName}
              </span>
              {isFinished(job) ? (
                <button type="button" className="icon-button" aria-label={`Dismiss ${job.fileName}`} onClick={() => onDismiss(job.id)}>
                  ×
                </button>
              ) : (
                <button type="button" onClick={() => onCancel(job.id)}>
                  Cancel
                </button>
              )}
            </div>
            <JobState job={job} onOpen={onDismiss} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `onOpen`: an opened document needs no more reminding, so its line goes. */
function JobState({ job, onOpen }: { job: ImportJob; onOpen: (jobId: string) => void }) {
  switch (job.status) {
    case 'waiting':
      return <p className="import-job-state muted">Waiting…</p>;
    case 'running':
      return <Progress job={job} />;
    case 'imported':
    case 'skipped': {
      const result = job.result!;
      if (result.project) return <ProjectOutcome job={job} onOpen={onOpen} />;
      if (result.references) return <ReferencesOutcome job={job} onOpen={onOpen} />;
      return (
        <p className="import-job-state">
          {job.status === 'skipped'
            ? 'Already in your library. '
            : result.duration !== undefined
              ? `Imported: a recording of ${formatClock(result.duration)}, ${result.passages === 0 ? 'no transcript yet' : `${result.passages} timed passage${result.passages === 1 ? '' : 's'}`}. `
              : `Imported: ${result.pages} page${result.pages === 1 ? '' : 's'}, ${result.passages} passage${result.passages === 1 ? '' : 's'}. `}
          <a
            href={routeHref('reader', [result.documentId])}
            onClick={(event) => {
              // Navigate first: a link removed from the page mid-click would not.
              event.preventDefault();
              window.location.hash = routeHref('reader', [result.documentId]);
              onOpen(job.id);
            }}
          >
            Open
          </a>
          {result.warnings?.map((warning) => (
            <span key={warning} className="import-warning" role="note">
              {' '}
              {warning}
            </span>
          ))}
          {result.hasTextLayer ? null : (
            <span className="import-no-text" role="note">
              {' '}
              No text layer: this PDF looks like a scan without OCR, so there is nothing to search or annotate.
            </span>
          )}
        </p>
      );
    }
    case 'cancelled':
      return <p className="import-job-state muted">Not imported{job.error ? ' (cancelled)' : ''}. Nothing was added.</p>;
    case 'failed':
      return (
        <p className="import-job-state import-job-error" role="alert">
          {job.error?.message}
        </p>
      );
  }
}

/** A REFI-QDA project or codebook, or a file of annotations: what came in and what was left out, never silently. */
function ProjectOutcome({ job, onOpen }: { job: ImportJob; onOpen: (jobId: string) => void }) {
  const project = job.result!.project!;
  const open = (view: 'library' | 'topics') => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    window.location.hash = routeHref(view);
    onOpen(job.id);
  };
  return (
    <div className="import-job-state import-project-outcome">
      <p>
        {project.format === 'w3c' || project.format === 'hypothesis'
          ? `Annotations from “${job.result!.title}” (${project.format === 'w3c' ? 'W3C' : 'Hypothesis'}).`
          : `Imported the ${project.format === 'qdc' ? 'codebook' : 'project'} “${job.result!.title}”.`}
      </p>
      {project.format === 'w3c' || project.format === 'hypothesis' ? (
        // "imported 2; not anchored 1 (titles…)": the ones that found no document are named.
        <p className={project.notAnchored && project.notAnchored.length > 0 ? 'import-project-skipped' : 'import-project-kept'}>
          {project.summary.charAt(0).toUpperCase() + project.summary.slice(1)}.
        </p>
      ) : (
        <>
          <p className="import-project-kept">Kept: {project.kept.join(', ')}.</p>
          <p className={project.skipped.length > 0 ? 'import-project-skipped' : 'import-project-skipped muted'}>
            Not brought in: {project.skipped.length > 0 ? `${project.skipped.join(', ')}.` : 'nothing.'}
          </p>
        </>
      )}
      <p>
        <a href={routeHref('topics')} onClick={open('topics')}>
          Open the codebook
        </a>
        {project.documents.length > 0 ? (
          <>
            {' · '}
            <a href={routeHref('library')} onClick={open('library')}>
              Open the library
            </a>
          </>
        ) : null}
      </p>
    </div>
  );
}

/** A reference file: how many references came in, merged or were skipped, and why each did. */
function ReferencesOutcome({ job, onOpen }: { job: ImportJob; onOpen: (jobId: string) => void }) {
  const references = job.result!.references!;
  const href = routeHref('library', ['references']);
  return (
    <div className="import-job-state import-project-outcome">
      <p className={references.skipped > 0 ? 'import-project-skipped' : 'import-project-kept'}>{references.summary}.</p>
      {references.details.length > 0 ? (
        <details>
          <summary>Why ({references.details.length})</summary>
          <ul className="import-reference-details">
            {references.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <p>
        <a
          href={href}
          onClick={(event) => {
            event.preventDefault();
            window.location.hash = href;
            onOpen(job.id);
          }}
        >
          Show the references
        </a>
      </p>
    </div>
  );
}

function Progress({ job }: { job: ImportJob }) {
  if (job.asking) {
    return <p className="import-job-state muted">{job.asking === 'password' ? 'Waiting for the password…' : 'Waiting for your choice…'}</p>;
  }
  const label =
    job.stage === 'recognising' && job.total > 0
      ? `Recognising scanned page ${job.page} of ${job.total} (OCR)…`
      : job.stage === 'extracting' && job.total > 0
        ? `Reading page ${job.page} of ${job.total}`
        : job.stage === 'saving'
          ? 'Saving into the workspace…'
          : job.stage === 'extracting'
            ? 'Reading the text…'
            : 'Opening the file…';
  return (
    <div className="import-job-state">
      <progress max={job.total || 1} value={job.total ? (job.stage === 'recognising' ? job.page - 1 : job.page) : undefined} aria-label={`${job.fileName}: ${label}`} />
      <p className="import-progress-label" aria-live="polite">
        {label}
      </p>
    </div>
  );
}
