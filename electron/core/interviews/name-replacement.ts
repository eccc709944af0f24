import { z } from 'zod';
import type { TextChange } from './text-edits.js';

/**
 * Replacing real names by pseudonyms in text: whole words only ("Arben" never touches
 * "Arbenesha"), any case ("ARBEN" becomes "BESNIK", "arben" "besnik"), possessives kept
 * ("Arben's" becomes "Besnik's", since the apostrophe is not part of a word), and a
 * name of several words matched across any white space. Pure: no storage, no I/O.
 */

export const NameReplacementSchema = z
  .object({
    real: z.string().trim().min(1, 'the real name is empty').max(200).regex(/\p{L}/u, 'the real name has no letter'),
    pseudonym: z.string().trim().min(1, 'the pseudonym is empty').max(200),
  })
  .strict();
export type NameReplacement = z.infer<typeof NameReplacementSchema>;

/** A name replaced: which replacement (its index in the list given) matched where. */
export interface TextEdit extends TextChange {
  rule: number;
}

export interface ReplacedText {
  text: string;
  edits: TextEdit[];
}

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name's words, joined by any run of white space. */
function namePattern(real: string): string {
  return real.split(/\s+/u).map(escape).join(String.raw`\s+`);
}

/** Reads a `--replace "Real Name=Pseudonym"`; throws a message saying what is wrong with it. */
export function parseReplacementSpec(spec: string): NameReplacement {
  const at = spec.indexOf('=');
  if (at < 0) throw new Error(`“${spec}” has no “=”: write it as "Real Name=Pseudonym".`);
  const parsed = NameReplacementSchema.safeParse({ real: spec.slice(0, at), pseudonym: spec.slice(at + 1) });
  if (!parsed.success) throw new Error(`“${spec}”: ${parsed.error.issues.map((issue) => issue.message).join('; ')}. Write it as "Real Name=Pseudonym".`);
  return parsed.data;
}

/** Problems of a list of replacements as a whole (the same name twice, a name replaced by itself). */
export function replacementListProblems(replacements: readonly NameReplacement[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { real, pseudonym } of replacements) {
    const key = real.toLocaleLowerCase().replace(/\s+/gu, ' ');
    if (seen.has(key)) problems.push(`“${real}” is given twice; give each real name one pseudonym.`);
    seen.add(key);
    if (key === pseudonym.toLocaleLowerCase().replace(/\s+/gu, ' ')) problems.push(`“${real}” would be replaced by itself; choose a different pseudonym.`);
  }
  return problems;
}

/** The pseudonym written in the case the name was found in. */
export function matchCase(found: string, pseudonym: string): string {
  const letters = found.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toLocaleUpperCase() && letters !== letters.toLocaleLowerCase()) return pseudonym.toLocaleUpperCase();
  if (letters === letters.toLocaleLowerCase() && letters !== letters.toLocaleUpperCase()) return pseudonym.toLocaleLowerCase();
  return pseudonym;
}

/** A compiled set of replacements: longer names first, so "Arben Krasniqi" wins over "Arben". */
export class NameReplacer {
  private readonly pattern: RegExp | undefined;
  private readonly order: number[];

  constructor(readonly replacements: readonly NameReplacement[]) {
    this.order = replacements.map((_, index) => index).sort((a, b) => replacements[b]!.real.length - replacements[a]!.real.length);
    const alternatives = this.order.map((index) => `(${namePattern(replacements[index]!.real)})`);
    this.pattern = alternatives.length === 0 ? undefined : new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'giu');
  }

  replace(text: string): ReplacedText {
    if (!this.pattern) return { text, edits: [] };
    const edits: TextEdit[] = [];
    const out = text.replace(this.pattern, (found: string, ...groups: unknown[]) => {
      const offset = groups.at(-2) as number;
      const alternative = groups.findIndex((group, index) => index < this.order.length && group !== undefined);
      const rule = this.order[alternative]!;
      const replacement = matchCase(found, this.replacements[rule]!.pseudonym);
      edits.push({ start: offset, end: offset + found.length, replacement, rule });
      return replacement;
    });
    return { text: out, edits };
  }

  /** How often each replacement's name occurs in the texts. */
  count(texts: Iterable<string>): number[] {
    const counts = this.replacements.map(() => 0);
    for (const text of texts) for (const edit of this.replace(text).edits) counts[edit.rule]! += 1;
    return counts;
  }
}
