import { describe, expect, it } from 'vitest';
import { buildAtoms, buildFootnoteAtoms } from '../../../electron/core/corpus/typeset/inline-atoms';
import { footnoteFromSeed, seedLine, seedText, unmark } from './seed-excerpt';

describe('buildAtoms', () => {
  it('hangs each footnote marker on the word before it, at the offset the parser recorded', () => {
    const marked = unmark(seedLine(seedText('000_'), 'In 2020, the economic normalization'));
    const atoms = buildAtoms(marked.text, marked.links, marked.footnoteRefs);
    const markers = atoms.flatMap((a, i) => (a.footnote !== undefined ? [{ n: a.footnote, before: atoms[i - 1]!.text, space: a.spaceBefore }] : []));
    expect(markers).toEqual([
      { n: 13, before: 'signed.', space: false },
      { n: 14, before: 'agency.', space: false },
    ]);
    // The word after a marker still starts after a space.
    const after13 = atoms[atoms.findIndex((a) => a.footnote === 13) + 1]!;
    expect(after13).toMatchObject({ text: 'This', spaceBefore: true });
    // Apart from the markers, the words are the text's words.
    expect(atoms.filter((a) => a.footnote === undefined).map((a) => a.text)).toEqual(marked.text.split(/\s+/));
  });

  it('marks the words inside a link with its URL and leaves the others plain', () => {
    const marked = unmark('Email: [brandvision.rks@gmail.com](mailto:brandvision.rks@gmail.com)');
    expect(buildAtoms(marked.text, marked.links)).toEqual([
      { text: 'Email:', spaceBefore: false },
      { text: 'brandvision.rks@gmail.com', spaceBefore: true, url: 'mailto:brandvision.rks@gmail.com' },
    ]);
  });

  it('ignores links to a bare fragment, which lead nowhere outside the source file', () => {
    const marked = unmark(seedLine(seedText('001_'), "Kosovo's security situation remains"));
    expect(marked.links.length).toBeGreaterThan(3);
    expect(buildAtoms(marked.text, marked.links).some((a) => a.url !== undefined)).toBe(false);
  });
});

describe('buildFootnoteAtoms', () => {
  it('links the URL inside the footnote text and starts with the number', () => {
    const note = footnoteFromSeed(seedText('000_'), 'doc', 2, []);
    const atoms = buildFootnoteAtoms(note.number, note.text, note.urls);
    expect(atoms[0]).toEqual({ text: '2', spaceBefore: false, footnote: 2 });
    expect(atoms.filter((a) => a.url).map((a) => a.text)).toEqual(['https://www.rferl.org/a/kosovo-indicts-banjska-attack-suspects-radoicic/33116016.html']);
  });

  it('appends a listed URL the text does not contain, so that it can still be clicked', () => {
    const atoms = buildFootnoteAtoms(7, 'Kosovo Security Strategy 2022-2027.', ['https://kryeministri.rks-gov.net/']);
    expect(atoms[atoms.length - 1]).toEqual({ text: 'https://kryeministri.rks-gov.net/', spaceBefore: true, url: 'https://kryeministri.rks-gov.net/' });
  });
});
