import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentToCslItem, splitPersonName } from '../../../electron/core/citations/csl-item';
import { CitationFormatter } from '../../../electron/core/citations/formatter';
import { formatBibliographyFile } from '../../../electron/core/citations/bibliography-formats';
import { cslHtmlToRuns } from '../../../electron/core/citations/csl-html';
import type { CitationRef } from '../../../electron/core/citations/types';
import { expectedInText, loadTestCorpus, printedYear, seedMetadata, seedsDir } from './fixture';

const corpus = loadTestCorpus();
const brief = corpus.documentTitled(/How to Advance Kosovo-NATO Relations/i);
const report = corpus.documentTitled(/Kosovo Foreign and Security Challenges/i);
const briefPassage = corpus.paragraphsOf(brief.id)[1]!;
const reportPassage = corpus.paragraphsOf(report.id)[5]!;

function ref(id: string, passage: { id: string; docId: string }, extra: Partial<CitationRef> = {}): CitationRef {
  return { id, target: { kind: 'passage', id: passage.id, docId: passage.docId }, ...extra };
}

describe('test data', () => {
  it('uses the papers as printed: each title and first author appears in its seed text', () => {
    const normalise = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
    for (const meta of seedMetadata) {
      const seed = normalise(readFileSync(path.join(seedsDir, meta.source), 'utf8'));
      expect(seed, meta.source).toContain(normalise(meta.title));
      expect(seed, meta.source).toContain(normalise(meta.authors[0]!));
    }
  });
});

describe('CSL-JSON items from corpus documents', () => {
  it('splits the brief’s four authors into family and given names', () => {
    const item = documentToCslItem(brief);
    expect(item.author).toEqual([
      { family: 'Ilazi', given: 'Ramadan' },
      { family: 'Loshaj', given: 'Jeta' },
      { family: 'Dheur', given: 'Yerai' },
      { family: 'Pallasch', given: 'Pia-Katharina' },
    ]);
    expect(item.type).toBe('report');
    // The brief prints no year: the item carries the inferred one marked approximate.
    expect(item.issued).toEqual({ 'date-parts': [[2025]], circa: true });
    expect(item.title).toBe('How to Advance Kosovo-NATO Relations?');
  });

  it('carries ISBN, publishers and a subtitle', () => {
    const item = documentToCslItem(report);
    expect(item.ISBN).toBe(report.isbn);
    expect(item.publisher).toContain('Kosovar Centre for Security Studies');
    const withSubtitle = documentToCslItem({ ...brief, title: 'From Crisis Management to Stability and Integration', subtitle: "Navigating Kosovo's Security Landscape" });
    expect(withSubtitle.title).toBe("From Crisis Management to Stability and Integration: Navigating Kosovo's Security Landscape");
    expect(withSubtitle['title-short']).toBe('From Crisis Management to Stability and Integration');
  });

  it('keeps institutions whole and drops honorifics', () => {
    expect(splitPersonName('Dr. Ramadan Ilazi')).toEqual({ family: 'Ilazi', given: 'Ramadan' });
    expect(splitPersonName('Kosovar Centre for Security Studies')).toEqual({ literal: 'Kosovar Centre for Security Studies' });
    expect(splitPersonName('Ilazi, Ramadan')).toEqual({ family: 'Ilazi', given: 'Ramadan' });
    expect(splitPersonName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
  });
});

describe('CitationFormatter', () => {
  it('Chicago author-date: in-text citation with the passage’s page, and the bibliography entry', async () => {
    const formatter = await CitationFormatter.create('chicago-author-date');
    const result = formatter.format([ref('cite-1', briefPassage)], corpus.sources);
    expect(result.kind).toBe('in-text');
    expect(result.citations[0]!.text).toBe(expectedInText('chicago-author-date', 'Ilazi et al.', brief, briefPassage.page));
    expect(result.bibliography.entries).toHaveLength(1);
    // citeproc folds the period after the year into "n.d." when there is no year.
    const year = brief.year === undefined ? 'n.d.' : `${printedYear(brief)}.`;
    expect(result.bibliography.text.startsWith(`Ilazi, Ramadan, Jeta Loshaj, Yerai Dheur, and Pia-Katharina Pallasch. ${year} “How to Advance Kosovo-NATO Relations?”`), result.bibliography.text).toBe(true);
    expect(result.bibliography.html).toContain('class="csl-entry"');
  });

  it('APA differs: comma after the authors, "p." before the page, initials in the reference list', async () => {
    const apa = (await CitationFormatter.create('apa')).format([ref('cite-1', briefPassage, { locator: '3' })], corpus.sources);
    const chicago = (await CitationFormatter.create('chicago-author-date')).format([ref('cite-1', briefPassage, { locator: '3' })], corpus.sources);
    expect(apa.citations[0]!.text).toBe(expectedInText('apa', 'Ilazi et al.', brief, 3));
    expect(chicago.citations[0]!.text).toBe(expectedInText('chicago-author-date', 'Ilazi et al.', brief, 3));
    expect(apa.bibliography.text).toContain(`Ilazi, R., Loshaj, J., Dheur, Y., & Pallasch, P.-K. (${printedYear(brief, 'apa')}).`);
    expect(apa.bibliography.text).not.toBe(chicago.bibliography.text);
  });

  it('note style: every citation becomes a numbered footnote, and the bibliography lists each work once', async () => {
    const formatter = await CitationFormatter.create('chicago-note-bibliography');
    const result = formatter.format(
      [ref('cite-1', briefPassage), ref('cite-2', reportPassage, { locator: '12' }), ref('cite-3', briefPassage, { locator: '5' })],
      corpus.sources,
    );
    expect(result.kind).toBe('note');
    expect(result.citations.map((c) => c.noteNumber)).toEqual([1, 2, 3]);
    // The title's question mark stands for the comma, as Pandoc's citeproc prints it.
    expect(result.citations[0]!.text).toContain('“How to Advance Kosovo-NATO Relations?” ');
    expect(result.citations[0]!.text).toMatch(new RegExp(`${briefPassage.page}\\.$`));
    expect(result.citations[1]!.text).toMatch(/12\.$/);
    expect(result.bibliography.entries.map((e) => e.itemId).sort()).toEqual([brief.id, report.id].sort());
  });

  it('applies prefix, suffix and suppress-author', async () => {
    const formatter = await CitationFormatter.create('chicago-author-date');
    const result = formatter.format(
      [ref('cite-1', reportPassage, { prefix: 'see', locator: '7', suffix: 'emphasis added' }), ref('cite-2', reportPassage, { suppressAuthor: true, locator: '8' })],
      corpus.sources,
    );
    expect(result.citations[0]!.text).toBe(`(see Ilazi ${printedYear(report)}, 7 emphasis added)`);
    expect(result.citations[1]!.text).toBe(`(${printedYear(report)}, 8)`);
  });

  it('marks a citation whose passage is gone instead of failing the draft', async () => {
    const formatter = await CitationFormatter.create('apa');
    const result = formatter.format([ref('cite-1', { id: 'no-such-passage', docId: 'no-such-doc' }), ref('cite-2', briefPassage)], corpus.sources);
    expect(result.citations[0]).toMatchObject({ missing: true, text: '[source not found]' });
    expect(result.citations[1]!.text).toContain('Ilazi et al.');
    expect(result.bibliography.entries).toHaveLength(1);
  });

  it('reflects a change in the citation list: a citation inserted before shifts the note numbers', async () => {
    const formatter = await CitationFormatter.create('chicago-note-bibliography');
    const before = formatter.format([ref('cite-1', briefPassage)], corpus.sources);
    const after = formatter.format([ref('cite-1', reportPassage), ref('cite-2', briefPassage)], corpus.sources);
    expect(before.citations[0]!.noteNumber).toBe(1);
    expect(after.citations[1]!.noteNumber).toBe(2);
    expect(after.citations[1]!.text).toBe(before.citations[0]!.text);
    expect(after.bibliography.entries).toHaveLength(2);
  });

  it('keeps citeproc’s italics when converting its HTML to runs', () => {
    expect(cslHtmlToRuns('Ilazi, R. (2025). <i>How to Advance</i> &#38; more')).toEqual([
      { text: 'Ilazi, R. (2025). ' },
      { text: 'How to Advance', italic: true },
      { text: ' & more' },
    ]);
  });
});

describe('bibliography files', () => {
  const items = corpus.documents.map((d) => documentToCslItem(d));

  it('BibTeX: one entry per work, balanced braces, corporate names braced', () => {
    const bib = formatBibliographyFile(items, 'bibtex');
    const entries = bib.split(/^@/m).filter(Boolean);
    expect(entries).toHaveLength(items.length);
    for (const entry of entries) {
      expect(entry).toMatch(/^(techreport|book|article|misc)\{[A-Za-z0-9:._-]+,\n/);
      let depth = 0;
      for (const c of entry.replace(/\\[{}]/g, '')) {
        if (c === '{') depth++;
        if (c === '}') depth--;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
    expect(bib).toContain('author = {Ilazi, Ramadan and Loshaj, Jeta and Dheur, Yerai and Pallasch, Pia-Katharina}');
    expect(bib).toContain(`year = {${report.year}}`);
  });

  it('RIS: every line is "TAG  - value", records run from TY to ER', () => {
    const ris = formatBibliographyFile(items, 'ris');
    const lines = ris.split('\r\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
    expect(lines.filter((l) => l.startsWith('TY  - '))).toHaveLength(items.length);
    expect(lines.filter((l) => l.startsWith('ER  - '))).toHaveLength(items.length);
    expect(lines).toContain('AU  - Pallasch, Pia-Katharina');
    expect(lines).toContain('TI  - How to Advance Kosovo-NATO Relations?');
  });

  it('CSL-JSON round-trips through JSON.parse', () => {
    expect(JSON.parse(formatBibliographyFile(items, 'csl-json'))).toEqual(items);
  });
});

describe('citation sources', () => {
  it('resolve passages, annotations and whole documents; unknown targets resolve to nothing', async () => {
    const { createCorpusSources } = await import('../../../electron/core/citations/corpus-sources');
    const sources = createCorpusSources({
      documents: corpus.documents,
      passages: corpus.passages,
      annotations: [{ id: 'ann-1', docId: brief.id, page: 4 }],
    });
    expect(sources.resolve({ kind: 'passage', id: briefPassage.id, docId: brief.id })).toEqual({ document: brief, page: briefPassage.page });
    expect(sources.resolve({ kind: 'annotation', id: 'ann-1', docId: brief.id })).toEqual({ document: brief, page: 4 });
    expect(sources.resolve({ kind: 'document', id: brief.id, docId: brief.id })).toEqual({ document: brief });
    expect(sources.resolve({ kind: 'annotation', id: 'ann-gone', docId: brief.id })).toBeUndefined();

    const formatted = (await CitationFormatter.create('chicago-author-date')).format(
      [{ id: 'cite-1', target: { kind: 'annotation', id: 'ann-1', docId: brief.id } }, { id: 'cite-2', target: { kind: 'document', id: brief.id, docId: brief.id } }],
      sources,
    );
    expect(formatted.citations[0]!.text).toBe(expectedInText('chicago-author-date', 'Ilazi et al.', brief, 4));
    // A whole-document citation has no page.
    expect(formatted.citations[1]!.text).toBe(brief.year === undefined ? '(Ilazi et al., n.d.)' : `(Ilazi et al. ${printedYear(brief)})`);
  });
});
