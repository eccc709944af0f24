import { EventEmitter } from 'node:events';
import type { EventChannel, EventPayloads, Handlers, MethodName } from './api/contract';
import type { CorpusIndex } from './corpus/corpus-index';
import type { Workspace } from './store';

/**
 * Domain events between areas inside core (never sent to the renderer as such). Changes to
 * records travel through the workspace's change feed instead; this bus carries what is not
 * a record: an imported document joining or leaving the corpus index.
 */
export interface DomainEvents {
  'library.changed': {
    docId: string;
    change: 'added' | 'removed' | 'updated';
    /**
     * The area that changed the text moved the document's annotations onto it itself (a
     * passage corrected): re-anchoring by quote would undo its choices, finding the words of
     * an annotation whose words were deleted somewhere else.
     */
    annotationsPlaced?: boolean;
  };
}

export class DomainBus {
  private readonly emitter = new EventEmitter();

  on<E extends keyof DomainEvents>(event: E, listener: (payload: DomainEvents[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  emit<E extends keyof DomainEvents>(event: E, payload: DomainEvents[E]): void {
    this.emitter.emit(event, payload);
  }
}

/** What every area of core gets when the core is assembled. */
export interface CoreContext {
  workspace: Workspace;
  corpus: CorpusIndex;
  resourcesDir: string;
  bus: DomainBus;
  /** Sends an event to subscribers (the renderer through main, or tests). */
  publish<C extends EventChannel>(channel: C, payload: EventPayloads[C]): void;
}

/** The handlers of one group of methods, e.g. `AreaHandlers<typeof searchMethods>`. */
export type AreaHandlers<Methods> = Pick<Handlers, keyof Methods & MethodName>;

/** An area of core: builds its handlers over the context; `close` runs when the core closes. */
export interface Area<Methods> {
  handlers: AreaHandlers<Methods>;
  close?: () => Promise<void>;
}
