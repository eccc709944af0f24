/**
 * Rejoining words the PDF typesetting split at line ends ("histori-" + "cal"), without
 * destroying real compounds ("de-" + "escalation" where the paper writes "de-escalation",
 * "Kosovo-" + "Serbia"). The paper's own vocabulary decides: a hyphenated form it uses
 * elsewhere is kept; otherwise a hyphen at a line end before a lower-case letter was the
 * typesetter's.
 */

export interface Vocabulary {
  /** Lower-cased hyphenated words found inside lines, e.g. "de-escalation". */
  hyphenated: Set<string>;
}

export function vocabularyOf(text: string): Vocabulary {
  const hyphenated = new Set<string>();
  for (const m of text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) hyphenated.add(m[0].toLowerCase());
  return { hyphenated };
}

/** Joins a line to the text before it, repairing a hyphenation split where there is one. */
export function joinLine(before: string, line: string, vocabulary: Vocabulary): string {
  const left = before.replace(/\s+$/, '');
  const right = line.replace(/^\s+/, '');
  if (left === '') return right;
  if (right === '') return left;
  const split = /(\p{L}+)-$/u.exec(left);
  const next = /^(\p{L}+)/u.exec(right);
  if (split && next && /^\p{Ll}/u.test(next[1]!)) {
    const compound = `${split[1]}-${next[1]}`.toLowerCase();
    return vocabulary.hyphenated.has(compound) ? left + right : left.slice(0, -1) + right;
  }
  // "Kosovo-" + "Serbia": a compound broken at its own hyphen, no space belongs there.
  if (split && next) return left + right;
  return `${left} ${right}`;
}

/**
 * Words glued together where the extraction lost a hyphen ("licenseplate", "postBanjska"):
 * restored when the paper spells the compound with a hyphen elsewhere, or when a common
 * prefix runs straight into a capital.
 */
export function repairGluedWords(text: string, vocabulary: Vocabulary): string {
  const byGlued = new Map<string, string>();
  for (const h of vocabulary.hyphenated) byGlued.set(h.replace(/-/g, ''), h);
  // URLs and addresses are left exactly as printed.
  return text.replace(/\S+/g, (token) => (/[/@]|www\./.test(token) ? token : token.replace(/\p{L}{6,}/gu, (word) => repairWord(word, byGlued, vocabulary))));
}

function repairWord(word: string, byGlued: Map<string, string>, vocabulary: Vocabulary): string {
  {
    const lower = word.toLowerCase();
    const hyphenated = byGlued.get(lower);
    if (hyphenated && !vocabulary.hyphenated.has(lower) && hyphenated.split('-').every((p) => p.length >= 2)) {
      // Keep the word's own capitalisation, put the hyphens back where the paper has them.
      let out = '';
      let k = 0;
      for (const ch of hyphenated) {
        if (ch === '-') out += '-';
        else out += word[k++]!;
      }
      return out;
    }
    const prefixed = /^(post|pre|anti|pro|non)(\p{Lu}\p{L}+)$/u.exec(word);
    if (prefixed) return `${prefixed[1]}-${prefixed[2]}`;
    // "Serbianissued plates", "an EUbrokered agreement": a name glued to a participle.
    const participle = /^(\p{Lu}\p{L}+?)(issued|brokered|funded|backed)$/u.exec(word);
    if (participle) return `${participle[1]}-${participle[2]}`;
    return word;
  }
}
