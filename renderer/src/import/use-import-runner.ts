import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import { createAttempt, type AttemptOptions } from './send-import';
import { pairRecordings } from './pair-recordings';
import { fileNameOf, newJobId, type DuplicateAnswer, type ImportJob, type ImportQuestion, type ImportSource, type PasswordAnswer } from './import-job';

type Answer = PasswordAnswer | DuplicateAnswer;

/**
 * The import queue: files run one after another (core imports one at a time anyway), each
 * retried as the user answers its questions: a password for an encrypted PDF (asked again
 * when wrong), or what to do with a file already in the library.
 */
export function useImportRunner() {
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const [question, setQuestion] = useState<ImportQuestion | undefined>();
  const pending = useRef<ImportJob[]>([]);
  const running = useRef(false);
  const answer = useRef<((value: Answer) => void) | undefined>(undefined);
  const asking = useRef<string | undefined>(undefined);
  const cancelledWhileAsking = useRef(new Set<string>());

  const patch = useCallback((id: string, change: Partial<ImportJob>) => {
    setJobs((all) => all.map((job) => (job.id === id ? { ...job, ...change } : job)));
  }, []);

  useEffect(
    () =>
      api.subscribe('import.progress', (event) => {
        patch(event.jobId, { stage: event.stage, page: event.page, total: event.total });
      }),
    [patch],
  );

  const ask = useCallback(
    async (next: ImportQuestion) => {
      patch(next.jobId, { asking: next.kind });
      const reply = await new Promise<Answer>((resolve) => {
        answer.current = resolve;
        asking.current = next.jobId;
        setQuestion(next);
      });
      asking.current = undefined;
      // The retry starts over: reading the file again, then its pages.
      patch(next.jobId, { asking: undefined, stage: 'reading', page: 0, total: 0 });
      return reply;
    },
    [patch],
  );

  const runOne = useCallback(
    async (job: ImportJob) => {
      patch(job.id, { status: 'running' });
      const attempt = createAttempt(job.source, job.id);
      let options: AttemptOptions = {};
      for (;;) {
        try {
          const result = await attempt(options);
          patch(job.id, { status: result.status, result });
          return;
        } catch (error) {
          const failure = error instanceof ApiError ? error : new ApiError('IO', (error as Error).message);
          if (failure.code === 'PASSWORD_REQUIRED' || failure.code === 'PASSWORD_INCORRECT') {
            const reply = (await ask({ kind: 'password', jobId: job.id, fileName: job.fileName, wrongPassword: failure.code === 'PASSWORD_INCORRECT', message: failure.message })) as PasswordAnswer;
            if (cancelledWhileAsking.current.delete(job.id) || 'skip' in reply) return patch(job.id, { status: 'cancelled' });
            options = { ...options, password: reply.password };
            continue;
          }
          if (failure.code === 'CONFLICT') {
            const reply = (await ask({ kind: 'duplicate', jobId: job.id, fileName: job.fileName, message: failure.message })) as DuplicateAnswer;
            if (cancelledWhileAsking.current.delete(job.id)) return patch(job.id, { status: 'cancelled' });
            options = { ...options, onDuplicate: reply };
            continue;
          }
          patch(job.id, { status: failure.code === 'CANCELLED' ? 'cancelled' : 'failed', error: { code: failure.code, message: failure.message } });
          return;
        }
      }
    },
    [ask, patch],
  );

  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let job = pending.current.shift(); job; job = pending.current.shift()) await runOne(job);
    } finally {
      running.current = false;
    }
  }, [runOne]);

  const enqueue = useCallback(
    (sources: ImportSource[]) => {
      // A recording dropped with its transcript is one import.
      const added = pairRecordings(sources).map((source): ImportJob => ({ id: newJobId(), fileName: fileNameOf(source), source, status: 'waiting', page: 0, total: 0 }));
      if (added.length === 0) return;
      pending.current.push(...added);
      setJobs((all) => [...all, ...added]);
      void drain();
    },
    [drain],
  );

  const respond = useCallback((value: Answer) => {
    setQuestion(undefined);
    const resolve = answer.current;
    answer.current = undefined;
    resolve?.(value);
  }, []);

  const cancel = useCallback(
    (jobId: string) => {
      const waiting = pending.current.findIndex((job) => job.id === jobId);
      if (waiting >= 0) {
        pending.current.splice(waiting, 1);
        patch(jobId, { status: 'cancelled' });
        return;
      }
      if (asking.current === jobId) {
        // Nothing runs in core while the question is open: close it and end the job here.
        cancelledWhileAsking.current.add(jobId);
        respond({ skip: true });
        return;
      }
      void api.invoke('import.cancel', { jobId }).catch(() => undefined);
    },
    [patch, respond],
  );

  const dismiss = useCallback((jobId: string) => setJobs((all) => all.filter((job) => job.id !== jobId)), []);
  const dismissFinished = useCallback(() => setJobs((all) => all.filter((job) => job.status === 'waiting' || job.status === 'running')), []);

  return { jobs, question, enqueue, cancel, respond, dismiss, dismissFinished };
}
