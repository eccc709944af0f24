import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../../helpers/workbench-error.js';
import { WorkbenchError } from '../../../electron/core/api/errors.js';
import { extractPdf } from '../../../electron/core/import/pdf/extract-pdf.js';
import type { PdfExtraction } from '../../../electron/core/import/types.js';
import { fixturePdf, readFixture } from './support/paths.js';

/** The real-world PDFs from pdf.js's test suite, each doing what the fixtures README asks. */

async function extract(name: string, password?: string): Promise<PdfExtraction> {
  return extractPdf(await readFixture(name), { fileName: name, ...(password === undefined ? {} : { password }) });
}

const failure = rejection;

const bodyText = (r: PdfExtraction) => r.passages.map((p) => p.text).join('\n');

describe('tracemonkey.pdf (two-column research paper)', () => {
  let result: PdfExtraction;
  let pages: number[];
  beforeAll(async () => {
    pages = [];
    result = await extractPdf(await readFixture('tracemonkey.pdf'), {
      fileName: 'tracemonkey.pdf',
      onProgress: (page) => pages.push(page),
    });
  });

  it('reads the title as pdftotext sees it, and the authors from the first page', () => {
    const firstLines = execFileSync('pdftotext', ['-l', '1', fixturePdf('tracemonkey.pdf'), '-'], { encoding: 'utf8' })
      .split('\n')
      .slice(0, 2)
      .join(' ');
    expect(firstLines).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages');
    expect(result.metadata.title).toBe(firstLines);
    expect(result.metadata.authors).toHaveLength(16);
    expect(result.metadata.authors.slice(0, 3)).toEqual(['Andreas Gal', 'Brendan Eich', 'Mike Shaver']);
    expect(result.metadata.authors).toContain('Mohammad R. Haghighat');
    expect(result.metadata.authors.at(-1)).toBe('Michael Franz');
    expect(result.metadata.year).toBe(2009);
  });

  it('has 14 pages, a text layer, and reports progress for every page', () => {
    expect(result.pageCount).toBe(14);
    expect(result.hasTextLayer).toBe(true);
    expect(pages).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(new Set(result.passages.map((p) => p.page))).toEqual(new Set(Array.from({ length: 14 }, (_, i) => i + 1)));
  });

  it('keeps the abstract in one passage with its sentences in order and its hyphenated words whole', () => {
    const sentences = [
      'Dynamic languages such as JavaScript are more difficult to compile than statically typed ones.',
      'Since no concrete type information is available, traditional compilers need to emit generic code that can handle all possible type combinations at runtime.',
      'We present an alternative compilation technique for dynamically-typed languages that identifies frequently executed loop traces at run-time and then generates machine code on the fly that is specialized for the actual dynamic types occurring on each path through the loop.',
      'Our method provides cheap inter-procedural type specialization, and an elegant and efficient way of incrementally compiling lazily discovered alternative paths through nested loops.',
      'We have implemented a dynamic compiler for JavaScript based on our technique and we have measured speedups of 10x and more for certain benchmark programs.',
    ];
    const abstract = result.passages.find((p) => p.sectionPath.at(-1) === 'Abstract' && p.kind === 'paragraph');
    expect(abstract?.text).toBe(sentences.join(' '));
  });

  it('reads the two columns one after the other, joining a paragraph that runs on into the next column', () => {
    const intro = result.passages.find((p) => p.text.startsWith('Dynamic languages such as JavaScript, Python, and Ruby'));
    expect(intro?.text).toContain('the de facto standard for client-side web programming and is used for the application logic of browser-based productivity applications');
    const order = (start: string) => result.passages.find((p) => p.text.startsWith(start))!.order;
    // Left column of page 1, then the right column.
    expect(order('Dynamic languages such as JavaScript, Python')).toBeLessThan(order('Compilers for statically typed languages'));
    expect(order('Compilers for statically typed languages')).toBeLessThan(order('We present a trace-based compilation technique'));
  });

  it('reads the columns under a full-width figure in order (page 3)', () => {
    const page3 = result.passages.filter((p) => p.page === 3).map((p) => p.text);
    expect(page3).toContain(
      'TraceMonkey stops recording when execution returns to the loop header or exits the loop. In this case, execution returns to the loop header on line 4.',
    );
    const crossing = page3.find((t) => t.startsWith('i=3. Now the loop header at line 1 has become hot'));
    expect(crossing).toContain('When recording reaches line 4, TraceMonkey observes that it has reached an inner loop header that already has a compiled trace');
  });

  it('finds the section headings with levels and section paths', () => {
    const headings = result.passages.filter((p) => p.kind === 'heading');
    const titles = headings.map((h) => h.text);
    expect(titles.slice(0, 4)).toEqual(['Trace-based Just-in-Time Type Specialization for Dynamic Languages', 'Abstract', '1. Introduction', '2. Overview: Example Tracing Run']);
    expect(titles).toContain('4.1 Nesting Algorithm');
    expect(titles).toContain('References');
    const nesting = headings.find((h) => h.text === '4.1 Nesting Algorithm')!;
    const section4 = headings.find((h) => h.text === '4. Nested Trace Tree Formation')!;
    expect(nesting.level).toBeGreaterThan(section4.level!);
    expect(nesting.sectionPath).toEqual(['4. Nested Trace Tree Formation']);
  });

  it('keeps bare numbers and running furniture out of the passages, and rejoins split words', () => {
    for (const p of result.passages) {
      expect(p.text).toMatch(/\p{L}/u);
      expect(p.text).not.toMatch(/^\d+$/);
    }
    const text = bodyText(result);
    // Line-end hyphens in the paper, closed up again.
    for (const word of ['compile than', 'alternative compilation', 'discovered alternative', 'actual dynamic', 'TraceMonkey supports']) {
      expect(text).toContain(word);
    }
    expect(text).not.toMatch(/\b(com- pile|al- ternative|discov- ered|Trace- Monkey)\b/);
    // Hyphens that belong to the words stay.
    expect(text).toContain('dynamically-typed languages');
    expect(text).toContain('naïve implementation');
  });

  it('recognises the footnotes and links them to the passages that cite them', () => {
    expect(result.footnotes.map((f) => f.number)).toEqual([1, 2]);
    const [first] = result.footnotes;
    expect(first!.text).toMatch(/^Arrays are actually worse than this/);
    expect(first!.page).toBe(5);
    const citing = result.passages.find((p) => p.order === first!.citedBy[0]);
    expect(citing?.footnoteRefs.map((r) => r.number)).toContain(1);
  });
});

describe('the other real-world fixtures', () => {
  it('alphatrans.pdf: imports, with its short text and its info title', async () => {
    const r = await extract('alphatrans.pdf');
    expect(r.metadata.title).toBe('Alpha Transparency Test');
    expect(bodyText(r)).toContain('Red: stroke=1, fill=1.');
    expect(bodyText(r)).toContain('Gradient: .5');
  });

  it('ArabicCIDTrueType.pdf: keeps the text as Unicode Arabic letters, in reading order', async () => {
    const r = await extract('ArabicCIDTrueType.pdf');
    const text = bodyText(r);
    expect(r.metadata.language).toBe('ar');
    // Base Arabic letters (U+0600-U+06FF), not presentation forms and not Latin mojibake.
    expect(text).toContain('العربية');
    expect(text).toMatch(/^انواع /u);
    expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/u);
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('issue6010_1.pdf: asks for the password, rejects a wrong one, opens with “abc”', async () => {
    const missing = await failure(extract('issue6010_1.pdf'));
    expect(missing.code).toBe('PASSWORD_REQUIRED');
    expect(missing.message).toContain('issue6010_1.pdf');
    const wrong = await failure(extract('issue6010_1.pdf', 'abd'));
    expect(wrong.code).toBe('PASSWORD_INCORRECT');
    expect(wrong.message).toMatch(/not correct/);
    const opened = await extract('issue6010_1.pdf', 'abc');
    expect(bodyText(opened)).toBe('Issue 6010');
  });

  it('empty.pdf: imports as a document without a text layer', async () => {
    const r = await extract('empty.pdf');
    expect(r.hasTextLayer).toBe(false);
    expect(r.pageCount).toBe(1);
    expect(r.passages).toEqual([]);
    expect(r.metadata.title).toBe('empty');
  });

  it('helloworld-bad.pdf: recovers the text of a file with a broken xref', async () => {
    const r = await extract('helloworld-bad.pdf');
    expect(bodyText(r)).toBe('Hello, world!');
  });

  it('poppler-937-0-fuzzed.pdf: a clear CORRUPT error naming the file', async () => {
    const error = await failure(extract('poppler-937-0-fuzzed.pdf'));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain('“poppler-937-0-fuzzed.pdf”');
  });

  it('stops with CANCELLED when the signal is aborted mid-document', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await failure(
      extractPdf(await readFixture('tracemonkey.pdf'), {
        fileName: 'tracemonkey.pdf',
        signal: controller.signal,
        onProgress: (page) => {
          seen.push(page);
          if (page === 2) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(Math.max(...seen)).toBe(2);
  });
});
