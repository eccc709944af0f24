import type { Node as PmNode } from '@tiptap/pm/model';
import type { DraftFormatResult, FormattedCitationView } from '../../../../electron/core/api/methods/drafts';
import { citationNodeName, type CitationAttrs } from '../../../../electron/common/drafts/citation-node';

/** What a citation's identity is for formatting: change any of it and the text changes. */
export function citationKey(attrs: Partial<CitationAttrs> | Record<string, unknown>): string {
  const a = attrs as Partial<CitationAttrs>;
  return JSON.stringify([a.targetKind, a.targetId, a.locator ?? null, a.prefix ?? null, a.suffix ?? null, Boolean(a.suppressAuthor)]);
}

/** The citations of a document in reading order — the order core formats them in. */
export function citationKeysOf(doc: PmNode): string[] {
  const keys: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === citationNodeName) keys.push(citationKey(node.attrs));
  });
  return keys;
}

/** How many citations come before `pos`: the citation's index in core's list. */
export function citationIndexAt(doc: PmNode, pos: number): number {
  let index = 0;
  doc.nodesBetween(0, pos, (node, nodePos) => {
    if (node.type.name === citationNodeName && nodePos < pos) index++;
  });
  return index;
}

export interface FormattingState {
  result?: DraftFormatResult;
  /** The citation keys the result was computed for, to spot a result that is out of date. */
  keys: string[];
  /** Why the last formatting failed; the previous result stays on screen meanwhile. */
  error?: string;
}

/**
 * The latest formatting of a draft, shared by every citation node view (through the
 * extension's storage) and the bibliography. A tiny external store, read with
 * useSyncExternalStore, because node views live outside the editor component's tree.
 */
export class FormattingStore {
  private state: FormattingState = { keys: [] };
  private readonly listeners = new Set<() => void>();

  get = (): FormattingState => this.state;

  set(state: FormattingState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The formatted citation at `index`, unless the result was computed for a different citation there. */
  citationAt(index: number, key: string): FormattedCitationView | undefined {
    return this.state.keys[index] === key ? this.state.result?.citations[index] : undefined;
  }
}
