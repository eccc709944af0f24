import { describe, expect, it } from 'vitest';
import type { AnnotationView } from '../../../electron/core/api/methods/annotations';
import { highlightPieces, highlightsByPassage, highlightTitle } from '../../../renderer/src/annotations/highlight-pieces';
import { pdfSelectionTarget } from '../../../renderer/src/annotations/selection-target';
import { foldDocument } from '../../../renderer/src/annotations/folded-document';
import { filterAnnotations, filterDimensions, localDay, sortAnnotations, type AnnotationFilter } from '../../../renderer/src/annotations/annotation-filter';
import { bundledCorpus, paperPageTexts } from '../reader/real-papers';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const openCore = useCores();

describe('selections in the PDF text layer', () => {
  it('map to the passage they were made in, and annotate exactly there', async () => {
    const corpus = await bundledCorpus();
    const docId = 'kcss-advance-kosovo-nato-relations';
    const passages = corpus.passages.filter((passage) => passage.docId === docId).sort((a, b) => a.order - b.order);
    const pages = await paperPageTexts(docId);
    const core = await openCore(await tempDir());
    let checked = 0;
    // Long paragraphs run over several PDF lines: a selection from their middle crosses line ends.
    for (const passage of passages.filter((item) => item.kind === 'paragraph' && item.text.length > 300).slice(0, 6)) {
      const words = passage.text.split(/\s+/);
      const wanted = words.slice(8, 30).join(' ');
      const pageText = pages[passage.page - 1]!.text;
      // Find the words in the page text as pdf.js gives it (line ends are spaces, hyphens may split words).
      const pattern = new RegExp(
        words
          .slice(8, 30)
          .map((word) => [...word].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(?:-\\s)?'))
          .join('\\s+'),
      );
      const match = pattern.exec(pageText);
      if (!match) continue;
      const target = pdfSelectionTarget(match[0], passage.page, passages);
      expect(target, wanted).toMatchObject({ kind: 'quote', passageId: passage.id });
      if (target?.kind !== 'quote') continue;
      const created = await core.dispatch('annotations.create', { passageId: target.passageId, quote: target.quote, offsetInPassage: target.offsetInPassage });
      expect(created.ok).toBe(true);
      const annotation = (created as { value: AnnotationView }).value;
      expect(annotation.target.passageIds).toEqual([passage.id]);
      expect(annotation.target.selectors.quote.exact.replace(/\s+/g, ' ')).toBe(wanted);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('map a selection over a page break, with the footnotes, page number and running header between, to a range over both passages', async () => {
    const corpus = await bundledCorpus();
    const docId = 'kcss-foreign-security-priorities-2026';
    const passages = corpus.passages.filter((passage) => passage.docId === docId).sort((a, b) => a.order - b.order);
    const pages = await paperPageTexts(docId);
    const core = await openCore(await tempDir());
    const wordsPattern = (words: string[]) =>
      new RegExp(words.map((word) => [...word].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(?:-\\s)?')).join('\\s+'));
    let checked = 0;
    for (let i = 0; i + 1 < passages.length && checked < 3; i++) {
      const [before, after] = [passages[i]!, passages[i + 1]!];
      if (before.kind !== 'paragraph' || after.kind !== 'paragraph' || after.page !== before.page + 1 || before.backMatter) continue;
      const tailWords = before.text.split(/\s+/).slice(-10);
      const headWords = after.text.split(/\s+/).slice(0, 10);
      const beforePage = pages[before.page - 1]!.text;
      const afterPage = pages[after.page - 1]!.text;
      const tail = wordsPattern(tailWords).exec(beforePage);
      const head = wordsPattern(headWords).exec(afterPage);
      // Only pairs that really meet at the page break: the first ends on its page, the second starts on the next.
      if (!tail || !head || wordsPattern(headWords).test(beforePage) || wordsPattern(tailWords).test(afterPage)) continue;
      // What the text layer gives from the selection's start to its end: the rest of the page
      // (its footnotes and number), then the next page's header down to the selection's end.
      const selection = `${beforePage.slice(tail.index)}\n${afterPage.slice(0, head.index + head[0].length)}`;
      const target = pdfSelectionTarget(selection, before.page, passages);
      expect(target, `${before.id} -> ${after.id}`).toMatchObject({ kind: 'range', docId });
      if (target?.kind !== 'range') continue;
      expect(target.start.passageId).toBe(before.id);
      expect(target.end.passageId).toBe(after.id);
      const created = await core.dispatch('annotations.createFromSelection', { start: target.start, end: target.end });
      expect(created.ok).toBe(true);
      const annotation = (created as { value: AnnotationView }).value;
      expect(annotation.target.passageIds, JSON.stringify({ target, exact: annotation.target.selectors.quote.exact })).toEqual([before.id, after.id]);
      const exact = annotation.target.selectors.quote.exact.replace(/\s+/g, ' ');
      expect(exact.startsWith(tailWords.join(' '))).toBe(true);
      expect(exact.endsWith(headWords.join(' '))).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('map a selection over two paragraphs on one page to a range over both', async () => {
    const corpus = await bundledCorpus();
    const docId = 'kcss-advance-kosovo-nato-relations';
    const passages = corpus.passages.filter((passage) => passage.docId === docId).sort((a, b) => a.order - b.order);
    const index = passages.findIndex((passage, i) => passage.kind === 'paragraph' && passages[i + 1]?.kind === 'paragraph' && passages[i + 1]?.page === passage.page);
    const [first, second] = [passages[index]!, passages[index + 1]!];
    const selection = `${first.text.slice(-70)}\n${second.text.slice(0, 70)}`;
    const target = pdfSelectionTarget(selection, first.page, passages);
    // Each end is a passage and an offset in its own text: the renderer needs nothing of how core joins them.
    expect(target).toMatchObject({
      kind: 'range',
      docId,
      start: { passageId: first.id, offset: first.text.length - 70 },
      end: { passageId: second.id, offset: 70 },
    });
  });

  it('fold a paper so that every folded character leads back to its passage and offset', async () => {
    const corpus = await bundledCorpus();
    const passages = corpus.passages.filter((passage) => passage.docId === 'kcss-foreign-security-priorities-2026').sort((a, b) => a.order - b.order);
    const folded = foldDocument(passages);
    expect(folded.text).toBe(passages.map((passage) => passage.text.replace(/\u00ad/g, '')).join(' ').replace(/\s+/g, ' '));
    for (let i = 0; i < folded.text.length; i++) {
      const passage = passages[folded.passageIndex[i]!]!;
      const char = folded.text[i]!;
      const at = folded.offset[i]!;
      // A space stands for white space in the passage, or for the gap after its end.
      if (char === ' ') expect(at === passage.text.length || /\s/.test(passage.text[at]!), `${i}`).toBe(true);
      else expect(passage.text[at], `${i}`).toBe(char);
    }
    for (const passage of passages) expect(folded.passageIndex[folded.passageStarts.get(passage.id)!]).toBe(passages.indexOf(passage));
  });

  it('finds nothing for text that is not on or near the page', async () => {
    const corpus = await bundledCorpus();
    const passages = corpus.passages.filter((passage) => passage.docId === 'kcss-advance-kosovo-nato-relations');
    expect(pdfSelectionTarget('an entirely invented sentence about nothing', 1, passages)).toBeUndefined();
    const late = passages.find((passage) => passage.page >= 4 && passage.text.length > 80)!;
    expect(pdfSelectionTarget(late.text.slice(0, 60), 1, passages)).toBeUndefined();
  });
});

function view(id: string, ranges: AnnotationView['ranges'], extra: Partial<AnnotationView> = {}): AnnotationView {
  return {
    id,
    docId: 'doc',
    target: { selectors: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } }, passageIds: ranges.map((range) => range.passageId) },
    color: 'yellow',
    note: '',
    topicIds: [],
    entityIds: [],
    recommendationIds: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    anchorStatus: 'anchored',
    documentTitle: 'Doc',
    topics: [],
    entities: [],
    recommendations: [],
    coder: 'tester',
    editedBy: 'tester',
    ranges,
    ...extra,
  };
}

describe('highlight pieces', () => {
  it('cut a run of text at every highlight edge, innermost annotation last, overlaps visible', () => {
    const text = 'NATO Centres of Excellence in Kosovo';
    const byPassage = highlightsByPassage([
      view('outer', [{ passageId: 'p1', start: 5, end: 36 }], { color: 'blue', note: 'the whole idea' }),
      view('inner', [{ passageId: 'p1', start: 5, end: 26 }], { note: 'the institution' }),
      view('elsewhere', [{ passageId: 'p2', start: 0, end: 4 }]),
    ]);
    const pieces = highlightPieces(text, byPassage.get('p1')!);
    expect(pieces.map((piece) => [piece.text, piece.highlights.map((range) => range.annotationId)])).toEqual([
      ['NATO ', []],
      ['Centres of Excellence', ['outer', 'inner']],
      [' in Kosovo', ['outer']],
    ]);
    expect(highlightTitle(pieces[1]!.highlights)).toBe('the whole idea\n—\nthe institution');
    // A run that starts later in the passage (after a link or footnote marker) keeps passage offsets.
    expect(highlightPieces('in Kosovo', byPassage.get('p1')!, 27).map((piece) => [piece.text, piece.start])).toEqual([['in Kosovo', 27]]);
    expect(highlightPieces('NATO ', byPassage.get('p1')!, 0)).toEqual([{ text: 'NATO ', start: 0, highlights: [] }]);
  });
});

describe('filtering and sorting lists of annotations', () => {
  const items = [
    view('a', [], { color: 'red', note: 'Vučić on TV', topicIds: ['t1'], topics: [{ id: 't1', path: 'Trust in police', color: '#aa0000' }], createdAt: '2026-03-02T10:00:00.000Z' }),
    view('b', [], { color: 'red', entityIds: ['nato'], entities: [{ id: 'nato', name: 'NATO' }], docId: 'other', documentTitle: 'Another paper', createdAt: '2026-03-05T10:00:00.000Z' }),
    view('c', [], { recommendationIds: ['r3'], recommendations: [{ id: 'r3', label: '3. Centre of Excellence' }], createdAt: '2026-03-09T10:00:00.000Z' }),
  ];
  const ids = (filter: Partial<AnnotationFilter>) => filterAnnotations(items, { text: '', picks: {}, ...filter }).map((item) => item.id);

  it('combines paper, colour, topic, entity, recommendation, days and accent-free words', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ text: 'vucic' })).toEqual(['a']);
    expect(ids({ text: 'police' })).toEqual(['a']);
    expect(ids({ text: 'another' })).toEqual(['b']);
    expect(ids({ picks: { color: 'red' } })).toEqual(['a', 'b']);
    expect(ids({ picks: { color: 'red', entity: 'nato' } })).toEqual(['b']);
    expect(ids({ picks: { paper: 'doc' } })).toEqual(['a', 'c']);
    expect(ids({ text: 'excellence', picks: { recommendation: 'r3' } })).toEqual(['c']);
    expect(ids({ from: localDay('2026-03-05T10:00:00.000Z') })).toEqual(['b', 'c']);
    expect(ids({ from: localDay('2026-03-02T10:00:00.000Z'), to: localDay('2026-03-05T10:00:00.000Z') })).toEqual(['a', 'b']);
  });

  it('offers in each menu what the annotations at hand use', () => {
    const topics = filterDimensions.find((dimension) => dimension.key === 'topic')!;
    expect(topics.choices(items, { palette: [], nameOf: (id: string) => id })).toEqual([['t1', 'Trust in police']]);
    const papers = filterDimensions.find((dimension) => dimension.key === 'paper')!;
    expect(papers.choices(items, { palette: [], nameOf: (id: string) => id })).toEqual([
      ['other', 'Another paper'],
      ['doc', 'Doc'],
    ]);
  });

  it('sorts newest or oldest first, by paper in reading order, or by colour', () => {
    expect(sortAnnotations(items, 'newest').map((item) => item.id)).toEqual(['c', 'b', 'a']);
    expect(sortAnnotations(items, 'oldest').map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(sortAnnotations(items, 'paper').map((item) => item.id)).toEqual(['b', 'c', 'a']);
    const palette = [
      { key: 'yellow', hex: '#F7D84A', label: 'Yellow' },
      { key: 'red', hex: '#E5686B', label: 'Red' },
    ] as const;
    expect(sortAnnotations(items, 'color', palette).map((item) => item.id)).toEqual(['c', 'b', 'a']);
  });

  it('draws an annotation in its first topic’s colour only when the user colours by topic', () => {
    expect(highlightsByPassage([{ ...items[0]!, ranges: [{ passageId: 'p', start: 0, end: 1 }] }], 'topic').get('p')![0]!.tint).toBe('#aa0000');
    expect(highlightsByPassage([{ ...items[0]!, ranges: [{ passageId: 'p', start: 0, end: 1 }] }], 'annotation').get('p')![0]!.tint).toBeUndefined();
    expect(highlightsByPassage([{ ...items[2]!, ranges: [{ passageId: 'p', start: 0, end: 1 }] }], 'topic').get('p')![0]!.tint).toBeUndefined();
  });
});

describe('PDF page highlights', () => {
  it('find an annotated quote in the page text pdf.js extracts, across line ends', async () => {
    const { pageHighlights } = await import('../../../renderer/src/annotations/pdf-highlights');
    const corpus = await bundledCorpus();
    const docId = 'kcss-advance-kosovo-nato-relations';
    const pages = await paperPageTexts(docId);
    const core = await openCore(await tempDir());
    const passage = corpus.passages.find((item) => item.docId === docId && item.kind === 'paragraph' && item.text.length > 300)!;
    const quote = passage.text.split(/\s+/).slice(5, 25).join(' ');
    const result = await core.dispatch('annotations.create', { passageId: passage.id, quote });
    const annotation = (result as { value: AnnotationView }).value;
    const pageText = pages[passage.page - 1]!.text;
    const [highlight] = pageHighlights(pageText, passage.page, [annotation]);
    expect(highlight).toBeDefined();
    expect(pageText.slice(highlight!.start, highlight!.end).replace(/-\s+/g, '').replace(/\s+/g, ' ')).toBe(quote.replace(/-/g, ''));
    // Not on a page two pages away.
    expect(pageHighlights(pageText, passage.page + 2, [annotation])).toEqual([]);
  });
});
