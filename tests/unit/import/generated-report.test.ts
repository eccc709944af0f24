import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../../../electron/core/import/pdf/extract-pdf.js';
import type { PdfExtraction } from '../../../electron/core/import/types.js';
import { kosovoReport } from './support/kosovo-report.js';
import { typesetReport, type TypesetReport } from './support/report-pdf.js';

/**
 * A report typeset with a known layout: what went in must come out, without the running
 * header, the page numbers or the footnote markers, and with the notes as footnotes.
 */
const withoutNotes = (text: string) => text.replace(/\[\[[^\]]+\]\]/g, '');
const sentencesOf = (text: string) => withoutNotes(text).split(/(?<=[.;])\s+(?=[A-Z])/);

describe('a typeset report with running headers, page numbers and footnotes', () => {
  let typeset: TypesetReport;
  let result: PdfExtraction;
  beforeAll(async () => {
    typeset = await typesetReport({ ...kosovoReport, infoTitle: false });
    result = await extractPdf(typeset.bytes, { fileName: 'policing-the-north.pdf' });
  });

  it('spans several pages and splits words at line ends (or the test proves nothing)', () => {
    expect(typeset.pageCount).toBeGreaterThanOrEqual(2);
    expect(typeset.splitWords.length).toBeGreaterThanOrEqual(3);
    expect(result.pageCount).toBe(typeset.pageCount);
  });

  it('takes title and authors from the first page when the info dictionary has no title', () => {
    expect(result.metadata.title).toBe(kosovoReport.title);
    expect(result.metadata.authors).toEqual(kosovoReport.authors);
  });

  it('finds every section heading, in order', () => {
    const headings = result.passages.filter((p) => p.kind === 'heading' && p.level! > 1).map((p) => p.text);
    expect(headings).toEqual(kosovoReport.sections.map((s) => s.heading));
  });

  it('brings every sentence back whole: split words rejoined, markers out, no header or page number inside', () => {
    const paragraphs = result.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text);
    for (const section of kosovoReport.sections) {
      for (const paragraph of section.paragraphs) {
        for (const sentence of sentencesOf(paragraph)) {
          expect(paragraphs.some((p) => p.includes(sentence)), sentence).toBe(true);
        }
      }
    }
    const all = result.passages.map((p) => p.text).join('\n');
    expect(all).not.toContain(kosovoReport.runningHeader);
    for (const word of typeset.splitWords) expect(all).toContain(word);
  });

  it('keeps every paragraph in its section', () => {
    const first = result.passages.find((p) => p.text.startsWith('The mass resignation'));
    expect(first?.sectionPath).toEqual(['2. The Withdrawal and Its Aftermath']);
  });

  it('turns the notes at the page bottom into footnotes with URLs, cited by the right passages', () => {
    expect(result.footnotes.map((f) => ({ number: f.number, text: f.text }))).toEqual(typeset.footnotes);
    expect(result.footnotes[0]!.urls).toEqual(['https://www.kosovopolice.com/reports/2022']);
    for (const note of result.footnotes) {
      expect(note.citedBy).toHaveLength(1);
      const citing = result.passages.find((p) => p.order === note.citedBy[0])!;
      const ref = citing.footnoteRefs.find((r) => r.number === note.number)!;
      // The marker stood right after a word, and is gone from the text.
      expect(citing.text.slice(0, ref.offset)).toMatch(/[\p{L}.]$/u);
      expect(citing.text).not.toMatch(new RegExp(`[a-z.]${note.number}\\b`));
    }
  });
});
