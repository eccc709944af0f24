import type { Entity } from '../schema';
import { toOriginalRange } from '../../../common/text/fold';
import { gapClass, tokenize, type WordToken } from '../../text/tokens';
import { prepareAlias, type PreparedAlias } from './alias';

/**
 * One matcher for the whole catalogue: a trie over alias words, walked once from each word of
 * a text. Cost grows with the text's length and the longest alias, not with the number of
 * aliases, so a library fifty times the bundled corpus stays cheap.
 */
interface TrieNode {
  /** Keyed by gap class + "\u0000" + lower-cased word. */
  readonly children: Map<string, TrieNode>;
  /** Aliases that end at this node, in catalogue order. */
  readonly aliases: PreparedAlias[];
}

export interface AliasMatch {
  readonly entityId: string;
  /** Offsets in the ORIGINAL text (UTF-16 code units, end exclusive). */
  readonly start: number;
  readonly end: number;
  readonly alias: string;
}

function newNode(): TrieNode {
  return { children: new Map(), aliases: [] };
}

function edgeKey(gap: string, word: string): string {
  return `${gap}\u0000${word}`;
}

/**
 * Web addresses and e-mail addresses are not prose: "radoicic" or "turkey" inside a footnote's
 * URL is not a mention. Their spans in the original text are skipped.
 */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>()\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function addressSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(ADDRESS)].map((m) => [m.index, m.index + m[0].length]);
}

function insideAddress(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => start < e && end > s);
}

function sameCase(alias: PreparedAlias, tokens: readonly WordToken[], from: number): boolean {
  return alias.tokens.every((t, k) => tokens[from + k]?.exact === t.exact);
}

export class EntityMatcher {
  private readonly root = newNode();

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      for (const name of [entity.name, ...entity.aliases]) {
        const prepared = prepareAlias(entity.id, name);
        if (prepared) this.insert(prepared);
      }
    }
  }

  private insert(alias: PreparedAlias): void {
    let node = this.root;
    alias.tokens.forEach((token, i) => {
      const key = edgeKey(i === 0 ? '' : gapClass(token.gapBefore), token.lower);
      let child = node.children.get(key);
      if (!child) {
        child = newNode();
        node.children.set(key, child);
      }
      node = child;
    });
    node.aliases.push(alias);
  }

  /** Leftmost-longest, non-overlapping matches: "Kosovo Security Force" wins over "Kosovo". */
  match(text: string): AliasMatch[] {
    const { folded, tokens } = tokenize(text);
    const addresses = addressSpans(text);
    const matches: AliasMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode | undefined = this.root;
      let best: { alias: PreparedAlias; length: number } | undefined;
      for (let j = i; j < tokens.length && node; j++) {
        const token = tokens[j] as WordToken;
        node = node.children.get(edgeKey(j === i ? '' : gapClass(token.gapBefore), token.lower));
        if (!node) break;
        const hit = node.aliases.find((a) => !a.caseSensitive || sameCase(a, tokens, i));
        if (hit) best = { alias: hit, length: j - i + 1 };
      }
      if (!best) {
        i += 1;
        continue;
      }
      const first = tokens[i] as WordToken;
      const last = tokens[i + best.length - 1] as WordToken;
      let foldedEnd = last.end;
      if (best.alias.trailingDot && folded.text[foldedEnd] === '.') foldedEnd += 1;
      const range = toOriginalRange(folded, first.start, foldedEnd);
      if (!insideAddress(addresses, range.start, range.end)) matches.push({ entityId: best.alias.entityId, start: range.start, end: range.end, alias: best.alias.alias });
      i += best.length;
    }
    return matches;
  }
}
