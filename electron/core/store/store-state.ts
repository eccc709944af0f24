import type { AnyCollectionDefinition, CollectionDefinition } from './collection-definition';
import { CollectionState } from './collection-state';
import { ChangeFeed } from './change-feed';
import { newIdentity, type WorkspaceIdentity } from './identity';
import type { StoreNotice } from './notices';

/**
 * What the store's parts share about one open workspace: its collections in memory, the
 * change feed, the latest sequence number, its identity and the notices raised. The
 * Workspace owns it; loading, replaying journals, writing batches and compacting work on it.
 */
export class StoreState {
  readonly states = new Map<string, CollectionState>();
  readonly feed = new ChangeFeed();
  readonly notices: StoreNotice[] = [];
  /** The highest sequence number read or written. */
  seq = 0;
  identity: WorkspaceIdentity = newIdentity();
  /** Torn tails already reported by a reader, so each is told once. */
  readonly reportedTails = new Set<string>();
  /** Repairs found while applying lines (a synchronous step), run before the lock is released. */
  deferred: Array<() => Promise<void>> = [];
  private readonly noticeListeners = new Set<(notice: StoreNotice) => void>();

  constructor(
    readonly dir: string,
    collections: readonly AnyCollectionDefinition[],
  ) {
    for (const definition of collections) {
      if (this.states.has(definition.name)) throw new Error(`Two collections are called ${definition.name}.`);
      this.states.set(definition.name, new CollectionState(definition, dir));
    }
  }

  state<T extends { id: string }>(definition: CollectionDefinition<T>): CollectionState<T> {
    const state = this.states.get(definition.name);
    if (!state || state.definition !== (definition as unknown as AnyCollectionDefinition)) {
      throw new Error(`The collection ${definition.name} is not part of this workspace: pass its definition to openWorkspace.`);
    }
    return state as unknown as CollectionState<T>;
  }

  raise(raised: StoreNotice): void {
    this.notices.push(raised);
    for (const listener of this.noticeListeners) {
      try {
        listener(raised);
      } catch (error) {
        console.error(error);
      }
    }
  }

  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  async runDeferred(): Promise<void> {
    const work = this.deferred;
    this.deferred = [];
    for (const step of work) await step();
  }
}
