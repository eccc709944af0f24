import { gapClass, tokenize, type WordToken } from '../../text/tokens';

/** An entity name or alias prepared for matching. */
export interface PreparedAlias {
  readonly entityId: string;
  /** The alias as written in the catalogue. */
  readonly alias: string;
  readonly tokens: readonly WordToken[];
  /**
   * Short acronyms must match case-exactly: "EU" is not "eu", "MAP" is not "map", "US" is not
   * "us". Mixed-case ones too ("CoE", "PfP"): lower-cased, they are ordinary words or noise.
   */
  readonly caseSensitive: boolean;
  /** "U.S." ends in a dot that belongs to the name; tokens alone would drop it. */
  readonly trailingDot: boolean;
  /** Identity of the alias for conflict checks: tokens and gap classes, folded and lower-cased. */
  readonly key: string;
}

const ACRONYM_MAX_LETTERS = 5;

function isShortAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  return letters.length > 0 && letters.length <= ACRONYM_MAX_LETTERS && upper.length >= 2;
}

/** Returns undefined for an alias without a single letter or digit (nothing to match). */
export function prepareAlias(entityId: string, alias: string): PreparedAlias | undefined {
  const trimmed = alias.trim();
  const { tokens, folded } = tokenize(trimmed);
  if (tokens.length === 0) return undefined;
  const key = tokens.map((t, i) => (i === 0 ? '' : gapClass(t.gapBefore)) + t.lower).join('');
  return {
    entityId,
    alias: trimmed,
    tokens,
    caseSensitive: isShortAcronym(trimmed),
    trailingDot: folded.text.endsWith('.'),
    key,
  };
}
