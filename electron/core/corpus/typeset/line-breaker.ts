import type { InlineAtom } from './inline-atoms';

/** Measures atoms in whatever fonts the painter will use; the breaker knows nothing of fonts. */
export interface Measurer {
  width(atom: InlineAtom): number;
  /** Width of the space drawn before `atom` when it does not start a line. */
  spaceWidth(atom: InlineAtom): number;
}

export type Line = InlineAtom[];

/** Characters after which an over-long token (a URL, mostly) may be cut. */
const SOFT_BREAK_AFTER = /[/\-.?&_=#:,;]/;

/**
 * Greedy, first-fit line breaking (ragged right). Breaks only where the source had whitespace,
 * except inside a token wider than the whole line, which is cut where it fits, preferably
 * after a URL separator.
 */
export function breakLines(atoms: readonly InlineAtom[], lineWidth: number, measure: Measurer): Line[] {
  const lines: Line[] = [];
  let line: Line = [];
  let used = 0;

  for (const group of unbreakableGroups(atoms)) {
    const groupWidth = group.reduce((w, a) => w + measure.width(a), 0);
    const gap = line.length > 0 ? measure.spaceWidth(group[0]!) : 0;
    if (line.length > 0 && used + gap + groupWidth <= lineWidth) {
      line.push(...group);
      used += gap + groupWidth;
      continue;
    }
    if (line.length > 0) lines.push(line);
    line = [];
    used = 0;
    if (groupWidth <= lineWidth) {
      line = [...group];
      used = groupWidth;
      continue;
    }
    const pieces = cutGroup(group, lineWidth, measure);
    for (let i = 0; i + 1 < pieces.length; i++) lines.push(pieces[i]!);
    line = pieces[pieces.length - 1]!;
    used = line.reduce((w, a) => w + measure.width(a), 0);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Runs of atoms with no whitespace between them (a word and its footnote marker, say). */
function unbreakableGroups(atoms: readonly InlineAtom[]): InlineAtom[][] {
  const groups: InlineAtom[][] = [];
  for (const atom of atoms) {
    const last = groups[groups.length - 1];
    if (last && !atom.spaceBefore) last.push(atom);
    else groups.push([atom]);
  }
  return groups;
}

/** Cuts a group wider than the line into line-sized pieces. */
function cutGroup(group: readonly InlineAtom[], lineWidth: number, measure: Measurer): Line[] {
  // Work character by character over the atoms, keeping each character's atom attributes.
  const chars = group.flatMap((atom) => [...atom.text].map((ch) => ({ ch, atom })));
  const pieces: Line[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    let lastSoft = -1;
    while (end < chars.length && pieceWidth(chars.slice(start, end + 1), measure) <= lineWidth) {
      if (SOFT_BREAK_AFTER.test(chars[end - 1]!.ch)) lastSoft = end;
      end++;
    }
    if (end < chars.length && lastSoft > start) end = lastSoft;
    pieces.push(toAtoms(chars.slice(start, end)));
    start = end;
  }
  return pieces;
}

type Char = { ch: string; atom: InlineAtom };

function toAtoms(chars: readonly Char[]): InlineAtom[] {
  const atoms: InlineAtom[] = [];
  let owner: InlineAtom | undefined;
  for (const { ch, atom } of chars) {
    const last = atoms[atoms.length - 1];
    if (last && owner === atom) last.text += ch;
    else atoms.push({ ...atom, text: ch, spaceBefore: false });
    owner = atom;
  }
  return atoms;
}

function pieceWidth(chars: readonly Char[], measure: Measurer): number {
  return toAtoms(chars).reduce((w, a) => w + measure.width(a), 0);
}
