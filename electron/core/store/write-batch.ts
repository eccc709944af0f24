import { stat } from 'node:fs/promises';
import type { CollectionState, RecordChange } from './collection-state';
import { AppendFile } from './durable-file';
import { serializeLines, type JournalLine } from './journal-format';
import { truncateJournal } from './journal-io';
import { describeChange } from './journal-replay';
import { applyRevision, type StoredRecord } from './revisions';
import type { StoreState } from './store-state';
import { Transaction } from './transaction';

/** One `transact` call waiting for the next batch. */
export interface QueuedTransaction {
  run: (transaction: Transaction) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface BatchOutcome {
  item: QueuedTransaction;
  ok: boolean;
  value: unknown;
}

/**
 * Runs a batch of transactions (the lock is held and the journals are caught up), then
 * appends their lines: one append and one fsync per journal touched, whatever the number of
 * transactions. A transaction that throws is left out; if the disk write fails, memory and
 * journals are put back as they were and the whole batch fails. Returns what changed.
 */
export async function writeBatch(store: StoreState, batch: readonly QueuedTransaction[], author: string): Promise<{ changes: RecordChange[]; outcomes: BatchOutcome[] }> {
  const revert: Array<{ state: CollectionState; id: string; previous: StoredRecord<{ id: string }> | undefined }> = [];
  const appended: Array<{ state: CollectionState; sizeBefore: number }> = [];
  const seqBefore = store.seq;
  const outcomes: BatchOutcome[] = [];
  const changes: RecordChange[] = [];
  const linesByState = new Map<CollectionState, JournalLine[]>();
  try {
    for (const item of batch) {
      const transaction = new Transaction((definition) => store.state(definition), author, () => new Date().toISOString());
      let value: unknown;
      try {
        value = item.run(transaction);
        if (value instanceof Promise) throw new Error('A transaction must be synchronous: it runs while the workspace is locked.');
      } catch (error) {
        outcomes.push({ item, ok: false, value: error });
        continue;
      }
      // Several lines of one transaction say where its sequence numbers start and how many
      // there are, so that a crash between them makes the change all-or-nothing.
      const tx = transaction.staged.length > 1 ? store.seq + 1 : undefined;
      for (const staged of transaction.staged) {
        const seq = ++store.seq;
        const line: JournalLine = { seq, ...staged.line, ...(tx ? { tx, txn: transaction.staged.length } : {}) };
        const before = staged.state.entry(line.id);
        revert.push({ state: staged.state, id: line.id, previous: before });
        const { state: next } = applyRevision(before, staged.incoming, seq);
        staged.state.set(line.id, next);
        changes.push(describeChange(staged.state.name, line.id, before, next));
        const lines = linesByState.get(staged.state) ?? [];
        lines.push(line);
        linesByState.set(staged.state, lines);
      }
      outcomes.push({ item, ok: true, value });
    }
    for (const [state, lines] of linesByState) {
      const file = await appendFileFor(state);
      appended.push({ state, sizeBefore: state.journalOffset });
      state.journalOffset += await file.append(serializeLines(lines));
      state.journalLines += lines.length;
    }
    for (const change of changes) store.feed.record(change.seq, change.collection, change.id);
    return { changes, outcomes };
  } catch (error) {
    // Nothing of the batch is acknowledged: memory and journals go back to where they were.
    for (const { state, id, previous } of revert.reverse()) state.set(id, previous);
    store.seq = seqBefore;
    for (const { state, sizeBefore } of appended) {
      await truncateJournal(state.journalPath, sizeBefore).catch(() => undefined);
      state.journalOffset = sizeBefore;
    }
    throw new BatchWriteError(error, outcomes);
  }
}

/** The batch could not be written; `outcomes` says which transactions had failed on their own. */
export class BatchWriteError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly outcomes: BatchOutcome[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The journal's append handle; reopened when a compaction replaced the file. */
async function appendFileFor(state: CollectionState): Promise<AppendFile> {
  if (state.appendFile && state.appendFile.ino === state.journalIno) return state.appendFile;
  await state.appendFile?.close().catch(() => undefined);
  state.appendFile = await AppendFile.open(state.journalPath);
  if (state.journalIno !== state.appendFile.ino) {
    state.journalIno = state.appendFile.ino;
    state.journalOffset = (await stat(state.journalPath)).size;
  }
  return state.appendFile;
}
