import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSeeds } from '../../../electron/core/corpus/seeds.js';
import { CorpusSchema, DocumentSchema, type CorpusDocument, type Passage } from '../../../electron/core/corpus/schema.js';
import { compact } from '../../../electron/core/corpus/parse/text.js';
import { describeSeedMetadata, parseCipEntry } from '../../../electron/core/corpus/metadata/index.js';
import { DOC, parsed, repoRoot, seedsDir } from './parsed-seeds.js';

/**
 * The bundled papers' metadata, held against what the seed texts print. The expectations
 * below come from reading the five texts (the CIP records of 000 and 003, the bylines, the
 * closing note of 002, the dated sentences of the three papers without a printed year), not
 * from the build's output.
 */
const corpus = CorpusSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'resources', 'corpus', 'corpus.json'), 'utf8')));
const seedText = (source: string) => readFileSync(join(seedsDir, source), 'utf8');
const documentOf = (id: string): CorpusDocument => corpus.documents.find((d) => d.id === id)!;
const passageOf = (id: string): Passage => corpus.passages.find((p) => p.id === id)!;
const folded = (text: string) => compact(text.replace(/…$/, ''));

describe('seed metadata files', () => {
  it('describe each of the five texts, each naming its own source file', () => {
    const seeds = readSeeds(seedsDir);
    expect(seeds.map((s) => s.meta.source)).toEqual([
      '000_e87488ddfbf88c13.txt',
      '001_854a494500a4b47a.txt',
      '002_9f88dff86ea5da05.txt',
      '003_ed6381770ad57015.txt',
      '004_8f46781e496f4f68.txt',
    ]);
    expect(new Set(seeds.map((s) => s.meta.id)).size).toBe(5);
  });

  it('leave year, place and ISBN to the texts: the build reads them from what is printed', () => {
    for (const seed of readSeeds(seedsDir)) {
      const raw = JSON.parse(readFileSync(join(seedsDir, seed.meta.source.replace(/\.txt$/, '.meta.json')), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(raw)).not.toContain('year');
      expect(Object.keys(raw)).not.toContain('isbn');
    }
  });

  it('yield documents that satisfy the corpus schema', () => {
    for (const id of Object.values(DOC)) {
      const doc = parsed(id).document;
      expect(() => DocumentSchema.parse(doc)).not.toThrow();
      expect(doc.origin).toBe('bundled');
    }
    expect(parsed(DOC.advance).document.authors).toEqual(['Ramadan Ilazi', 'Jeta Loshaj', 'Yerai Dheur', 'Pia-Katharina Pallasch']);
    expect(parsed(DOC.trust).document.authors).toEqual(['Miodrag Milićević', 'Lulzim Peci', 'Predrag Jureković']);
  });
});

describe('printed metadata of the bundled papers', () => {
  it('reads year, place, publisher form and ISBN from the CIP records of the two papers that carry one', () => {
    const priorities = documentOf(DOC.priorities);
    const text000 = seedText(priorities.source);
    // As printed: "… / Ramadan Ilazi. - Prishtinë : QKSS, 2026. - 33 f. ; 24 cm." and "ISBN 978-9951-842-58-7".
    expect(text000).toContain('Prishtinë : QKSS, 2026.');
    expect(text000).toContain('ISBN 978-9951-842-58-7');
    expect(priorities).toMatchObject({ year: 2026, place: 'Prishtinë', isbn: '978-9951-842-58-7' });
    expect(priorities.provenance?.year).toMatchObject({ source: 'printed', location: 'cip' });
    expect(priorities.provenance?.isbn).toMatchObject({ source: 'printed', location: 'cip' });

    const discussion = documentOf(DOC.discussion);
    expect(seedText(discussion.source)).toContain('Prishtinë : QKSS, 2024.');
    expect(discussion).toMatchObject({ year: 2024, place: 'Prishtinë', isbn: '978-9951-842-31-0', editors: ['Ramadan Ilazi'] });
    expect(discussion.provenance?.editors).toMatchObject({ source: 'printed', location: 'byline', printed: 'Edited by: Ramadan Ilazi' });

    for (const id of [DOC.crisis, DOC.trust, DOC.advance]) {
      const doc = documentOf(id);
      expect(seedText(doc.source)).not.toMatch(/ISBN/);
      expect(doc.isbn).toBeUndefined();
      expect(doc.place).toBeUndefined();
    }
  });

  it('says where each title, byline and publisher is printed, in words the text really has', () => {
    const expectedLocations: Record<string, Partial<Record<'title' | 'authors' | 'publishers', string>>> = {
      [DOC.priorities]: { title: 'cover', authors: 'byline', publishers: 'colophon' },
      // "Prepared by Dr. Ramadan Ilazi and Leureta Lumi (Kosovo Center for Security Studies-KCSS)"
      [DOC.crisis]: { title: 'cover', authors: 'byline', publishers: 'byline' },
      // The title and the authors are printed only in the closing note; the publisher runs in the header.
      [DOC.trust]: { title: 'closing-note', authors: 'closing-note', publishers: 'running-header' },
      [DOC.discussion]: { title: 'cover', authors: 'byline', publishers: 'cover' },
      [DOC.advance]: { title: 'cover', authors: 'byline' },
    };
    for (const [id, locations] of Object.entries(expectedLocations)) {
      const doc = documentOf(id);
      const text = folded(seedText(doc.source));
      for (const [field, location] of Object.entries(locations)) {
        const entry = doc.provenance?.[field as 'title'];
        expect(entry, `${id} ${field}`).toMatchObject({ source: 'printed', location });
        expect(text, `${id} ${field} printed`).toContain(folded(entry!.printed!));
      }
      for (const author of doc.authors) expect(folded(doc.provenance!.authors!.printed!)).toContain(folded(author));
    }
  });

  it('marks a publisher the paper does not print as coming from the metadata file', () => {
    const advance = documentOf(DOC.advance);
    // The brief has no imprint; it only reports that "KCSS organized a roundtable".
    expect(advance.publishers).toEqual(['KCSS']);
    expect(advance.provenance?.publishers?.source).toBe('curated');
    expect(passageOf(advance.provenance!.publishers!.passageId!).text).toContain('KCSS organized a roundtable');
  });

  it('points every printed field that sits in a passage at that passage, with its page', () => {
    for (const doc of corpus.documents) {
      for (const [field, entry] of Object.entries(doc.provenance ?? {})) {
        if (entry.passageId === undefined || entry.source !== 'printed') continue;
        const passage = passageOf(entry.passageId);
        expect(passage.docId, `${doc.id} ${field}`).toBe(doc.id);
        expect(entry.page).toBe(passage.page);
        expect(folded(passage.text)).toContain(folded(entry.printed!));
      }
    }
  });
});

describe('years inferred from the latest dated content', () => {
  // Read from the texts: none of these three prints a year; their latest dated events are these.
  const latest = [
    { id: DOC.crisis, year: 2024, date: '2024-03-04', words: 'on March 4, 2024' },
    { id: DOC.trust, year: 2024, date: '2024-09-19', words: '19 – 22 September 2024' },
    { id: DOC.advance, year: 2025, date: '2025-07-17', words: 'On July 17, 2025, KCSS organized a' },
  ];

  it.each(latest)('$id: $year, from "$words"', ({ id, year, date, words }) => {
    const doc = documentOf(id);
    expect(seedText(doc.source).replace(/\s+/g, ' ')).toContain(words);
    expect(doc.year).toBe(year);
    const provenance = doc.provenance!.year!;
    expect(provenance.source).toBe('inferred');
    expect(provenance.evidence![0]!.date).toBe(date);
    for (const evidence of provenance.evidence!) {
      const passage = passageOf(evidence.passageId);
      expect(passage.docId).toBe(id);
      expect(passage.text).toContain(evidence.text);
      expect(evidence.text).toContain(String(year));
      expect(evidence.date.startsWith(String(year))).toBe(true);
    }
    expect(provenance.evidence!.some((e) => e.text.replace(/\s+/g, ' ').includes(words))).toBe(true);
  });

  it('agrees with the printed year of the two papers that print one', () => {
    for (const id of [DOC.priorities, DOC.discussion]) {
      const seed = readSeeds(seedsDir).find((s) => s.meta.id === id)!;
      const { passages } = parsed(id);
      const withoutCip = seed.text.replace(/Katalogimi në botim[\s\S]*?ISBN[^\n]*/g, '');
      const inferred = describeSeedMetadata(seed.meta, withoutCip, passages);
      expect(inferred.provenance.year?.source, id).toBe('inferred');
      expect(inferred.year, id).toBe(documentOf(id).year);
    }
  });

  it('skips sentences that look ahead: 000 names the 2027 Tirana summit but dates its writing in 2026', () => {
    const seed = readSeeds(seedsDir).find((s) => s.meta.id === DOC.priorities)!;
    expect(seed.text).toContain('NATO Summit planned for Tirana in 2027');
    const inferred = describeSeedMetadata(seed.meta, seed.text.replace(/Katalogimi në botim[\s\S]*?ISBN[^\n]*/g, ''), parsed(DOC.priorities).passages);
    expect(inferred.year).toBe(2026);
  });
});

describe('parseCipEntry', () => {
  it('reads an ISBD line with either dash', () => {
    expect(parseCipEntry('A discussion of Kosovo-Nato : relations and prospects for greater cooperation / Leureta Lumi. – Prishtinë : QKSS, 2024. – 20 f. ; 24 cm.')).toEqual({
      title: 'A discussion of Kosovo-Nato : relations and prospects for greater cooperation',
      responsibility: 'Leureta Lumi',
      place: 'Prishtinë',
      publisher: 'QKSS',
      year: 2024,
    });
    expect(parseCipEntry('Ilazi, Ramadan')).toBeUndefined();
  });
});
