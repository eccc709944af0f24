import { validateRecord, loadSnapshot, readSnapshotSource } from './collection-loader';
import type { CollectionState, RecordChange } from './collection-state';
import { statIfExistsSync } from './durable-file';
import { lineAncestry, type JournalLine, type PlacedLine } from './journal-format';
import { cutJournalTail, readJournalFrom, removeJournalRanges, type JournalRead } from './journal-io';
import { liveLockHolder } from './lock';
import { notice } from './notices';
import { applyRevision, type IncomingRevision, type StoredRecord } from './revisions';
import type { StoreState } from './store-state';

/**
 * Reading the journals: at open, and again to catch up with what other processes appended.
 * With `repair` (only while holding the lock) damage is set aside in `*.torn-<time>` files;
 * without it (readers) nothing is modified and a half-written last line is simply waited for.
 */

export interface FreshLine extends PlacedLine {
  state: CollectionState;
}

/**
 * Reads what was appended since the last look. A journal replaced by a compaction
 * elsewhere means its collection is read again whole. The new lines of every journal are
 * applied together: a change to several records is judged whole or not over all of them.
 */
export async function catchUp(store: StoreState, repair: boolean, author: string): Promise<RecordChange[]> {
  const changes: RecordChange[] = [];
  const fresh: FreshLine[] = [];
  for (const state of store.states.values()) {
    const tracked = state.trackedJournal();
    if (tracked && tracked.linked && tracked.size === state.journalOffset) continue; // nothing appended
    const info = tracked?.linked ? { ino: state.journalIno!, size: tracked.size } : statIfExistsSync(state.journalPath);
    if (state.journalIno !== undefined && (info === undefined || info.ino !== state.journalIno || info.size < state.journalOffset)) {
      const reloaded = await reloadCollection(store, state, repair, author);
      changes.push(...reloaded.changes);
      fresh.push(...reloaded.lines);
      continue;
    }
    if (!info || (info.size === state.journalOffset && state.journalIno !== undefined)) continue;
    fresh.push(...(await takeJournal(store, state, await readJournalFrom(state.journalPath, state.journalOffset), repair)));
  }
  changes.push(...applyLines(store, fresh, repair));
  return changes;
}

/** Records how far a journal was read; returns its new lines, with damage set aside (repair) or reported. */
export async function takeJournal(store: StoreState, state: CollectionState, read: JournalRead | undefined, repair: boolean): Promise<FreshLine[]> {
  if (!read) {
    await state.pinJournal(undefined, undefined);
    state.journalOffset = 0;
    return [];
  }
  await state.pinJournal(read.handle, read.ino);
  state.journalOffset = read.parsed.consumed;
  const { parsed } = read;
  let lines = parsed.lines.map((placed) => ({ ...placed, state }));
  if (parsed.damaged.length > 0) {
    if (repair) {
      const { movedTo, size } = await removeJournalRanges(state.journalPath, parsed.damaged);
      await state.pinJournalAtPath();
      state.journalOffset = size - (parsed.partialTail ? read.size - parsed.partialTail.start : 0);
      store.raise(notice('damaged-lines', state.name, `${parsed.damaged.length} damaged line(s) in ${state.name}.journal were set aside in ${movedTo}; every other change is kept.`, { movedTo }));
      // The lines after a removed one moved up: their offsets no longer say where to cut.
      lines = lines.map((placed) => ({ ...placed, start: -1, end: -1 }));
    } else {
      store.raise(notice('damaged-lines', state.name, `${parsed.damaged.length} damaged line(s) in ${state.name}.journal were skipped; they will be set aside by the next change saved to this workspace.`));
    }
  }
  if (parsed.partialTail) {
    if (repair) {
      const tail = await cutJournalTail(state.journalPath, state.journalOffset);
      store.raise(notice('torn-tail', state.name, `The last change in ${state.name}.journal was cut off by a crash; its ${tail.bytes} bytes were set aside in ${tail.movedTo}, and everything before it is kept.`, { movedTo: tail.movedTo }));
    } else if (!store.reportedTails.has(`${state.name}:${parsed.partialTail.start}`) && !liveLockHolder(store.dir)) {
      // No writer holds the lock, so this is not an append in progress but a crash's leftover.
      store.reportedTails.add(`${state.name}:${parsed.partialTail.start}`);
      store.raise(
        notice('torn-tail', state.name, `The last change in ${state.name}.journal was cut off by a crash; it was skipped (everything before it is read) and will be set aside by the next change saved to this workspace.`),
      );
    }
  }
  return lines.filter((placed) => placed.line.seq > state.snapshotSeq);
}

/**
 * Applies journal lines in sequence order. A multi-record change is applied only once all
 * its lines are there; until then it (and anything after it) waits, unless the lock holder
 * finds it interrupted and sets it aside.
 */
export function applyLines(store: StoreState, fresh: FreshLine[], repair: boolean): RecordChange[] {
  const all: FreshLine[] = [...takePending(store), ...fresh];
  const counts = new Map<number, number>();
  for (const { line } of all) if (line.tx) counts.set(line.tx, (counts.get(line.tx) ?? 0) + 1);
  // Lines missing from a change are fine when a compaction folded them into a snapshot:
  // compactions come after every earlier change was found whole (or set aside).
  const compactedUpTo = Math.max(0, ...[...store.states.values()].map((state) => state.snapshotSeq));
  const complete = (line: JournalLine) => !line.tx || counts.get(line.tx) === line.txn || line.tx + (line.txn ?? 1) - 1 <= compactedUpTo;
  const incomplete = all.filter((placed) => !complete(placed.line));
  let ready: FreshLine[];
  if (incomplete.length > 0 && repair) {
    store.deferred.push(() => cutIncomplete(store, incomplete));
    ready = all.filter((placed) => complete(placed.line));
  } else {
    const firstWaiting = Math.min(...incomplete.map((placed) => placed.line.seq));
    ready = all.filter((placed) => complete(placed.line) && placed.line.seq < firstWaiting);
    for (const placed of all) if (!ready.includes(placed)) placed.state.pending.push(placed);
  }
  ready.sort((a, b) => a.line.seq - b.line.seq);
  const changes: RecordChange[] = [];
  const skipped = new Map<CollectionState, number>();
  for (const { state, line } of ready) {
    store.seq = Math.max(store.seq, line.seq);
    const incoming = incomingFromLine(state, line);
    if (!incoming) {
      skipped.set(state, (skipped.get(state) ?? 0) + 1);
      continue;
    }
    const before = state.entry(line.id);
    const { state: next, outcome } = applyRevision(before, incoming, line.seq);
    if (outcome === 'known') continue;
    state.set(line.id, next);
    store.feed.record(line.seq, state.name, line.id);
    changes.push(describeChange(state.name, line.id, before, next));
  }
  for (const [state, count] of skipped) {
    store.raise(notice('damaged-lines', state.name, `${count} change(s) in ${state.name}.journal hold records that do not fit the ${state.name} format; they were skipped and are kept in the journal.`));
  }
  return changes;
}

/** An interrupted change can only be at the ends of the journals: cut from its first line on. */
async function cutIncomplete(store: StoreState, lines: FreshLine[]): Promise<void> {
  const byState = new Map<CollectionState, number>();
  for (const line of lines) if (line.start >= 0) byState.set(line.state, Math.min(byState.get(line.state) ?? Number.POSITIVE_INFINITY, line.start));
  for (const [state, from] of byState) {
    const { movedTo } = await cutJournalTail(state.journalPath, from);
    const info = await state.pinJournalAtPath();
    state.journalOffset = info?.size ?? 0;
    store.raise(
      notice('incomplete-change', state.name, `A change to several records was interrupted by a crash before all of it was written; its partial lines in ${state.name}.journal were set aside in ${movedTo} and nothing of it was applied.`, { movedTo }),
    );
  }
}

function takePending(store: StoreState): FreshLine[] {
  const pending: FreshLine[] = [];
  for (const state of store.states.values()) {
    pending.push(...state.pending.map((placed) => ({ ...placed, state })));
    state.pending = [];
  }
  return pending;
}

function incomingFromLine(state: CollectionState, line: JournalLine): IncomingRevision<{ id: string }> | undefined {
  let record: { id: string } | undefined;
  if (line.op === 'put') {
    record = validateRecord(state.definition, line.record, state.snapshotVersion, line.id);
    if (!record) return undefined;
  }
  return { rev: line.rev, revisions: lineAncestry(line), ...(line.op === 'delete' ? { deleted: true } : {}), author: line.author, at: line.at, ...(record ? { record } : {}) };
}

/**
 * A journal replaced by another process's compaction: read the collection again. Returns
 * what the new snapshot changed, and the journal's lines for the caller to apply with the
 * other journals' new lines.
 */
export async function reloadCollection(store: StoreState, state: CollectionState, repair: boolean, author: string): Promise<{ changes: RecordChange[]; lines: FreshLine[] }> {
  const journal = await readJournalFrom(state.journalPath, 0);
  const source = await readSnapshotSource(state.definition, store.dir);
  const snapshot = await loadSnapshot(state.definition, source, {
    workspaceDir: store.dir,
    notify: (raised) => store.raise(raised),
    author,
    at: new Date().toISOString(),
    nextSeq: () => ++store.seq,
  });
  const previous = state.records;
  state.replaceAll(snapshot.records);
  state.quarantined = snapshot.quarantined;
  state.snapshotSeq = snapshot.seq;
  state.snapshotVersion = snapshot.version;
  state.snapshotBytes = snapshot.bytes;
  state.pending = [];
  await state.appendFile?.close().catch(() => undefined);
  state.appendFile = undefined;
  store.seq = Math.max(store.seq, snapshot.seq);
  const lines = await takeJournal(store, state, journal, repair);
  const changes: RecordChange[] = [];
  for (const [id, next] of state.records) {
    const before = previous.get(id);
    if (before?.rev !== next.rev) changes.push(describeChange(state.name, id, before, next));
  }
  store.feed.replaceCollection(state.name, [...state.records.entries()].map(([id, stored]) => ({ seq: stored.seq, collection: state.name, id })));
  return { changes, lines };
}

export function describeChange(collection: string, id: string, before: StoredRecord<{ id: string }> | undefined, after: StoredRecord<{ id: string }>): RecordChange {
  return {
    seq: after.seq,
    collection,
    id,
    rev: after.rev,
    deleted: Boolean(after.deleted),
    ...(before && !before.deleted && before.record !== undefined ? { before: before.record } : {}),
    ...(!after.deleted && after.record !== undefined ? { after: after.record } : {}),
  };
}
