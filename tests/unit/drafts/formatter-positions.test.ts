import { describe, expect, it } from 'vitest';
import { CitationFormatter } from '../../../electron/core/citations/formatter';
import { createCorpusSources } from '../../../electron/core/citations/corpus-sources';
import { citationStyleIds } from '../../../electron/core/citations/styles';
import type { CitationRef } from '../../../electron/core/citations/types';
import { loadTestCorpus } from './fixture';

const corpus = loadTestCorpus();
const report = corpus.documentTitled(/Kosovo Foreign and Security Challenges/i);
const brief = corpus.documentTitled(/How to Advance Kosovo-NATO Relations/i);
const discussion = corpus.documentTitled(/Discussion of Kosovo-NATO Relations/i);

// A second work by the same author in the same year forces citeproc to disambiguate (2026a, 2026b).
const sameAuthorSameYear = { ...report, id: `${report.id}-companion`, title: 'Kosovo and the Western Balkans: A Companion Report' };
const sources = createCorpusSources({
  documents: [...corpus.documents, sameAuthorSameYear],
  passages: [...corpus.passages, { ...corpus.paragraphsOf(report.id)[0]!, id: 'companion-p1', docId: sameAuthorSameYear.id }],
});

const p = (doc: { id: string }, i = 0) => {
  const passage = doc.id === sameAuthorSameYear.id ? { id: 'companion-p1', docId: doc.id } : corpus.paragraphsOf(doc.id)[i]!;
  return { kind: 'passage' as const, id: passage.id, docId: passage.docId };
};

/** Every position case: first, ibid, ibid with locator, subsequent after a locator, near and far notes, disambiguation. */
const sequence: Array<Omit<CitationRef, 'id'>> = [
  { target: p(report), locator: '4' },
  { target: p(report), locator: '4' }, // ibid
  { target: p(report), locator: '9' }, // ibid with another locator
  { target: p(report, 1) }, // after a locator, no locator: subsequent
  { target: p(brief), prefix: 'see' },
  { target: p(brief) }, // ibid without locators
  { target: p(brief), locator: '2' }, // ibid-with-locator after none
  { target: p(sameAuthorSameYear) },
  { target: p(report, 2), suppressAuthor: true }, // subsequent, near
  { target: p(discussion), suffix: 'emphasis added' },
  { target: p(discussion, 1) },
  { target: p(discussion, 2) },
  { target: p(discussion, 3) },
  { target: p(discussion, 4) },
  { target: p(discussion, 5) },
  { target: p(brief, 1), locator: '3' }, // subsequent, far from its last note
  { target: p(sameAuthorSameYear), locator: '1' },
];
const refs: CitationRef[] = sequence.map((ref, i) => ({ id: `cite-${i + 1}`, ...ref }));

describe('one-pass positions', () => {
  for (const style of citationStyleIds) {
    it(`match citeproc's own position tracking in ${style}`, async () => {
      const formatter = await CitationFormatter.create(style);
      const fast = formatter.format(refs, sources);
      const exact = formatter.format(refs, sources, { exact: true });
      expect(fast.citations).toEqual(exact.citations);
      expect(fast.bibliography).toEqual(exact.bibliography);
    });
  }

  it('disambiguates two works by the same author in the same year', async () => {
    const result = (await CitationFormatter.create('chicago-author-date')).format(refs, sources);
    const texts = [result.citations[0]!.text, result.citations[7]!.text];
    if (report.year !== undefined) {
      expect(texts[0]).toMatch(new RegExp(`${report.year}[ab]`));
      expect(texts[1]).toMatch(new RegExp(`${report.year}[ab]`));
    }
    expect(texts[0]).not.toBe(texts[1]);
  });

  it('the note style shortens a note that repeats the previous source to author and page (CMOS 17 drops "Ibid.")', async () => {
    const result = (await CitationFormatter.create('chicago-note-bibliography')).format(refs, sources);
    // A first note carries the short title; the immediately repeated source does not.
    expect(result.citations[0]!.text).toContain('“Kosovo Foreign and Security Challenges');
    expect(result.citations[1]!.text).toBe('Ilazi, 4.');
    expect(result.citations[2]!.text).toBe('Ilazi, 9.');
    // Not immediately after: back to the short title.
    expect(result.citations[8]!.text).toContain('Kosovo Foreign and Security Challenges');
  });
});
