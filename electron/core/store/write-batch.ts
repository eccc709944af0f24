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

type Staged = Map<CollectionState, Map<string, StoredRecord<{ id: string }>>>;

/**
 * Runs a batch of transactions (the lock is held and the journals are caught up), then
 * appends their lines: one append and one fsync per journal touched, whatever the number of
 * transactions. A transaction that throws is left out. The records in memory change only
 * once every line is on disk, so nobody ever reads a change that could still be lost; if the
 * disk write fails, the journals are cut back and the whole batch fails. Returns what changed.
 * `whileSyncing` is told what will change once, when the first journal's lines are written
 * and before they are known to be durable (see `AppendFile.append`).
 */
export async function writeBatch(
  store: StoreState,
  batch: readonly QueuedTransaction[],
  author: string,
  whileSyncing?: (changes: readonly RecordChange[]) => void,
): Promise<{ changes: RecordChange[]; outcomes: BatchOutcome[] }> {
  const staged: Staged = new Map();
  const before = (state: CollectionState, id: string) => staged.get(state)?.get(id) ?? state.entry(id);
  const seqBefore = store.seq;
  const outcomes: BatchOutcome[] = [];
  const changes: RecordChange[] = [];
  const linesByState = new Map<CollectionState, JournalLine[]>();
  for (const item of batch) {
    const transaction = new Transaction((definition) => store.state(definition), author, () => new Date().toISOString(), before);
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
    for (const change of transaction.staged) {
      const seq = ++store.seq;
      const line: JournalLine = { seq, ...change.line, ...(tx ? { tx, txn: transaction.staged.length } : {}) };
      const previous = before(change.state, line.id);
      const { state: next } = applyRevision(previous, change.incoming, seq);
      const records = staged.get(change.state) ?? new Map<string, StoredRecord<{ id: string }>>();
      records.set(line.id, next);
      staged.set(change.state, records);
      changes.push(describeChange(change.state.name, line.id, previous, next));
      const lines = linesByState.get(change.state) ?? [];
      lines.push(line);
      linesByState.set(change.state, lines);
    }
    outcomes.push({ item, ok: true, value });
  }

  const appended: Array<{ state: CollectionState; sizeBefore: number }> = [];
  try {
    for (const [state, lines] of linesByState) {
      const file = await appendFileFor(state);
      // Told once, when the first journal's lines are written and not yet known durable.
      const tell = appended.length === 0 && whileSyncing ? () => whileSyncing(changes) : undefined;
      appended.push({ state, sizeBefore: state.journalOffset });
      state.journalOffset += await file.append(serializeLines(lines), tell);
      state.journalLines += lines.length;
    }
  } catch (error) {
    // Nothing of the batch is acknowledged: the journals go back to where they were.
    store.seq = seqBefore;
    for (const { state, sizeBefore } of appended) {
      await truncateJournal(state.journalPath, sizeBefore).catch(() => undefined);
      state.journalOffset = sizeBefore;
    }
    throw new BatchWriteError(error, outcomes);
  }
  for (const [state, records] of staged) for (const [id, next] of records) state.set(id, next);
  for (const change of changes) store.feed.record(change.seq, change.collection, change.id);
  return { changes, outcomes };
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
    // Under the lock nobody replaces the journal, so the path still names the append handle's file.
    state.journalOffset = (await state.pinJournalAtPath())?.size ?? 0;
  }
  return state.appendFile;
}
