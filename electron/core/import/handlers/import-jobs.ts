import { randomUUID } from 'node:crypto';
import { WorkbenchError } from '../../api/errors.js';
import { cancelledError } from '../cancellation.js';

interface Job {
  fileName: string;
  controller: AbortController;
}

/**
 * Running and waiting imports, by job id, so `import.cancel` can stop one. Imports run one
 * at a time: the duplicate check and the choice of a free document id both look at the
 * library, and two imports of the same file at once would otherwise both pass them.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs `work` after the imports before it; a job cancelled while waiting never starts. */
  run<T>(requestedId: string | undefined, fileName: string, work: (jobId: string, signal: AbortSignal) => Promise<T>): Promise<T> {
    const jobId = requestedId ?? randomUUID();
    if (this.jobs.has(jobId)) {
      return Promise.reject(new WorkbenchError('CONFLICT', `An import with job id ${jobId} is already running. Use a new id for each import.`));
    }
    const job: Job = { fileName, controller: new AbortController() };
    this.jobs.set(jobId, job);
    const result = this.queue.then(() => {
      if (job.controller.signal.aborted) throw cancelledError(fileName);
      return work(jobId, job.controller.signal);
    });
    const settled = result.finally(() => this.jobs.delete(jobId));
    // The next import waits for this one whatever its outcome.
    this.queue = settled.catch(() => undefined);
    return settled;
  }

  /** False when no such import is running (it finished, failed, or never existed). */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.controller.abort();
    return true;
  }

  /** Stops everything (the core is closing) and waits until the imports have let go. */
  async cancelAll(): Promise<void> {
    for (const job of this.jobs.values()) job.controller.abort();
    await this.queue;
  }
}
