import { WorkbenchError } from '../api/errors';
import type { CollectionDefinition } from './collection-definition';
import { recordProblem, validateRecord } from './collection-loader';
import type { CollectionState } from './collection-state';
import type { JournalLine } from './journal-format';
import { applyRevision, checkAncestry, liveConflicts, nextRevision, type ApplyOutcome, type IncomingRevision, type StoredRecord } from './revisions';

/**
 * A revision received from elsewhere (a replicator, an exchange bundle), as `putRevision`
 * takes it: `revisions` is its ancestry (CouchDB's `_revisions`, expanded), `record` is
 * absent for a deletion.
 */
export interface RevisionInput<T> extends IncomingRevision<T> {
  id: string;
}

/** A journal line before it has its sequence number. */
export type StagedLine = Omit<JournalLine, 'seq' | 'tx' | 'txn'>;

export interface StagedChange {
  state: CollectionState;
  line: StagedLine;
  incoming: IncomingRevision<{ id: string }>;
}

/** How the transaction finds a collection's state. */
export type StateLookup = <T extends { id: string }>(definition: CollectionDefinition<T>) => CollectionState<T>;

/** What a record is before this transaction: the batch's earlier transactions included. */
export type BaseLookup = (state: CollectionState, id: string) => StoredRecord<{ id: string }> | undefined;

/**
 * The changes one `transact` call makes, staged until its function returns: then they are
 * written as one batch (one journal line each, marked as one change when there are several),
 * or not at all when the function throws. Reads through it see the transaction's own
 * changes and those of the batch's earlier transactions; the records themselves change only
 * once the batch is on disk.
 */
export class Transaction {
  readonly staged: StagedChange[] = [];
  private readonly overlay = new Map<CollectionState, Map<string, StoredRecord<{ id: string }>>>();

  constructor(
    private readonly lookup: StateLookup,
    private readonly author: string,
    private readonly now: () => string,
    private readonly base: BaseLookup = (state, id) => state.entry(id),
  ) {}

  get<T extends { id: string }>(definition: CollectionDefinition<T>, id: string): T | undefined {
    const stored = this.entry(definition, id);
    return stored && !stored.deleted ? stored.record : undefined;
  }

  entry<T extends { id: string }>(definition: CollectionDefinition<T>, id: string): StoredRecord<T> | undefined {
    const state = this.lookup(definition) as unknown as CollectionState;
    return (this.overlay.get(state)?.get(id) ?? this.base(state, id)) as StoredRecord<T> | undefined;
  }

  /** Creates or replaces a record, written by the workspace's user. Returns its new revision. */
  put<T extends { id: string }>(definition: CollectionDefinition<T>, record: T): string {
    const current = this.entry(definition, record.id);
    const rev = nextRevision(current?.rev, { record });
    this.stage(definition, { rev, revisions: current ? [rev, current.rev] : [rev], author: this.author, at: this.now(), record }, record.id);
    return rev;
  }

  /** Deletes a record (keeps a tombstone that can travel). Undefined when there was nothing to delete. */
  delete<T extends { id: string }>(definition: CollectionDefinition<T>, id: string): string | undefined {
    const current = this.entry(definition, id);
    if (!current || current.deleted) return undefined;
    const rev = nextRevision(current.rev, { deleted: true });
    this.stage(definition, { rev, revisions: [rev, current.rev], deleted: true, author: this.author, at: this.now() }, id);
    return rev;
  }

  /**
   * Inserts a revision made elsewhere, as CouchDB does with `new_edits: false`: it wins if
   * it extends the current branch, changes nothing if already known, and is kept as a
   * conflict if it diverges. The record is validated: it comes from outside.
   */
  putRevision<T extends { id: string }>(definition: CollectionDefinition<T>, input: RevisionInput<T>): ApplyOutcome {
    const problem = checkAncestry(input.rev, input.revisions);
    if (problem) throw new WorkbenchError('BAD_REQUEST', `Revision ${input.rev} of ${definition.name} ${input.id} was refused: ${problem}.`);
    let record: T | undefined;
    if (!input.deleted) {
      record = validateRecord(definition, input.record, definition.version, input.id);
      if (!record) {
        throw new WorkbenchError('BAD_REQUEST', `Revision ${input.rev} of ${definition.name} ${input.id} was refused: the record is not valid (${recordProblem(definition, input.record)}).`);
      }
    }
    const incoming: IncomingRevision<T> = {
      rev: input.rev,
      revisions: input.revisions,
      ...(input.deleted ? { deleted: true } : {}),
      author: input.author,
      at: input.at,
      ...(record ? { record } : {}),
    };
    const outcome = applyRevision(this.entry(definition, input.id), incoming, 0).outcome;
    if (outcome !== 'known') this.stage(definition, incoming, input.id, true);
    return outcome;
  }

  /**
   * Ends a conflict: `chosen` becomes a new revision on the winning branch and every other
   * live branch gets a tombstone. The choice is itself a revision, so it travels too.
   */
  resolveConflict<T extends { id: string }>(definition: CollectionDefinition<T>, id: string, chosen: T): string {
    const current = this.entry(definition, id);
    if (!current) throw new WorkbenchError('NOT_FOUND', `There is no ${definition.name} record ${id}.`);
    if (chosen.id !== id) throw new WorkbenchError('BAD_REQUEST', `The chosen record has id ${chosen.id}, not ${id}.`);
    const losers = liveConflicts(current);
    const rev = this.put(definition, chosen);
    for (const loser of losers) {
      const tombstone = nextRevision(loser.rev, { deleted: true });
      this.stage(definition, { rev: tombstone, revisions: [tombstone, loser.rev], deleted: true, author: this.author, at: this.now() }, id);
    }
    return rev;
  }

  private stage<T extends { id: string }>(definition: CollectionDefinition<T>, incoming: IncomingRevision<T>, id: string, received = false): void {
    const state = this.lookup(definition) as unknown as CollectionState;
    const next = applyRevision(this.entry(definition, id), incoming, 0).state;
    let changes = this.overlay.get(state);
    if (!changes) {
      changes = new Map();
      this.overlay.set(state, changes);
    }
    changes.set(id, next as unknown as StoredRecord<{ id: string }>);
    const line: StagedLine = {
      id,
      rev: incoming.rev,
      // A change made here names its parent; a received one keeps the ancestry it came with.
      ...(received ? { revisions: incoming.revisions } : incoming.revisions[1] ? { parent: incoming.revisions[1] } : {}),
      author: incoming.author,
      at: incoming.at,
      op: incoming.deleted ? 'delete' : 'put',
      ...(incoming.record === undefined ? {} : { record: incoming.record }),
    };
    this.staged.push({ state, line, incoming: incoming as unknown as IncomingRevision<{ id: string }> });
  }
}
