import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../../electron/core/corpus/schema';
import { PDF_CREATOR, TYPESET_NOTE, shortTitle, typesetDocument, type TypesetInput, type TypesetResult } from '../../../electron/core/corpus/typeset';
import { asciiUri } from '../../../electron/core/corpus/typeset/text-painter';
import { readPdf, type ReadPdf } from './pdf-reader';
import { challengesExcerpt, crisisExcerpt } from './seed-excerpt';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The start of a passage's text as it reads on the page: up to its first footnote marker. */
function opening(p: Passage): string {
  const text = p.kind === 'table-row' ? (p.cells?.[0] ?? p.text) : p.text;
  const firstMarker = Math.min(...p.footnoteRefs.map((r) => r.offset), text.length);
  return collapse(text.slice(0, Math.min(firstMarker, 60)));
}

describe('typesetDocument on an excerpt of "Kosovo Foreign and Security Challenges and Priorities"', () => {
  let input: TypesetInput;
  let result: TypesetResult;
  let pdf: ReadPdf;

  beforeAll(async () => {
    input = challengesExcerpt();
    result = await typesetDocument(input);
    pdf = await readPdf(result.pdf);
  });

  it('opens in pdf.js with the page count it reports', () => {
    expect(result.pageCount).toBeGreaterThan(3);
    expect(pdf.numPages).toBe(result.pageCount);
  });

  it('has a title page with the title, author, publishers, year, ISBN and the typesetting note', async () => {
    const page1 = await pdf.pageText(1);
    expect(page1).toContain('Kosovo Foreign and Security Challenges and Priorities');
    expect(page1).toContain('Ramadan Ilazi');
    expect(page1).toContain('Konrad-Adenauer-Stiftung (KAS)');
    expect(page1).toContain('2026');
    expect(page1).toContain('ISBN 978-9951-842-58-7');
    expect(page1).toContain('typeset from the source text by Field Workbench');
  });

  it('gives back every diacritic and typographic character exactly through text extraction', async () => {
    const all = (await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.pageText(i + 1)))).join(' ');
    for (const word of ['Vučić', 'Radoičić', 'Ibër-Lepenc', 'Varagë', 'Türkiye', 'Kombëtare', 'Kosovës', '“Pjetër Bogdani”', '“silent footprint”', 'Katalogimi në botim – (CIP)', '€450 million']) {
      expect(all).toContain(word);
    }
  });

  it('records for every passage the page its text starts on', async () => {
    expect(Object.keys(result.passagePages).sort()).toEqual(input.passages.map((p) => p.id).sort());
    for (const p of input.passages) {
      const page = result.passagePages[p.id]!;
      expect(await pdf.pageText(page), `${p.id} on page ${page}`).toContain(opening(p));
    }
    // Reading order never goes back a page.
    const pages = [...input.passages].sort((a, b) => a.order - b.order).map((p) => result.passagePages[p.id]!);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });

  it('starts the back matter on a page of its own after the body', () => {
    const body = input.passages.filter((p) => !p.backMatter).map((p) => result.passagePages[p.id]!);
    const back = input.passages.filter((p) => p.backMatter).map((p) => result.passagePages[p.id]!);
    expect(Math.min(...back)).toBeGreaterThan(Math.max(...body));
  });

  it('records the page of each section heading, and bookmarks the sections in order, nested by level', async () => {
    for (const s of input.sections) {
      expect(await pdf.pageText(result.sectionPages[s.id]!)).toContain(s.title);
    }
    const outline = await pdf.outline();
    const flat = (nodes: typeof outline): string[] => nodes.flatMap((n) => [n.title, ...flat(n.items)]);
    const expected = [...input.sections].sort((a, b) => Number(a.backMatter) - Number(b.backMatter) || a.order - b.order).map((s) => s.title);
    expect(flat(outline)).toEqual(expected);
    const parent = outline.find((n) => n.title === "5. KOSOVO'S MAIN SECURITY AND FOREIGN POLICY CHALLENGES");
    expect(parent?.items.map((n) => n.title)).toEqual(['5.2 Foreign policy challenges']);
  });

  it('prints each cited footnote at the bottom of the page that cites it, its URL a link', async () => {
    const cited = input.footnotes.filter((f) => f.citedBy.length > 0);
    expect(cited.length).toBeGreaterThan(8);
    for (const note of cited) {
      const page = result.footnotePages[note.number]!;
      const citingPage = result.passagePages[note.citedBy[0]!]!;
      // The note sits on the page of the citing line, which is the passage's first page or a later one.
      expect(page).toBeGreaterThanOrEqual(citingPage);
      expect(page).toBeLessThanOrEqual(citingPage + 1);
      const text = await pdf.pageText(page);
      expect(text).toContain(collapse(note.text).slice(0, 40));
      expect(await pdf.linkUrls(page)).toContain(asciiUri(note.urls[0]!));
    }
  });

  it('draws the footnote marker as its own superscript number right after the word it follows', async () => {
    const page = result.passagePages['p-recent-years']!;
    const items = await pdf.pageItems(page);
    const at = items.findIndex((s) => s.endsWith('and to be brought to justice.'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(items[at + 1]).toBe('1');
  });

  it('prints a footnote no passage cites as an endnote under "Notes"', async () => {
    const page = result.footnotePages[15]!;
    const text = await pdf.pageText(page);
    expect(text).toContain('Notes');
    expect(text).toContain('kosovo-opens-embassy-in-jerusalem');
    expect(page).toBeLessThan(result.passagePages['b-email']!);
  });

  it('turns inline links into link annotations', async () => {
    expect(await pdf.linkUrls(result.passagePages['b-email']!)).toContain('mailto:brandvision.rks@gmail.com');
  });

  it('writes running headers and page numbers on every page after the title page', async () => {
    for (let n = 2; n <= pdf.numPages; n++) {
      const items = await pdf.pageItems(n);
      expect(items).toContain('Kosovo Foreign and Security Challenges and Priorities');
      expect(items[items.length - 1]).toBe(String(n));
    }
  });

  it('fills the document info', async () => {
    const info = await pdf.info();
    expect(info.Title).toBe('Kosovo Foreign and Security Challenges and Priorities');
    expect(info.Author).toBe('Ramadan Ilazi');
    expect(info.Creator).toBe(PDF_CREATOR);
    expect(String(info.Subject)).toContain('Kosovar Centre for Security Studies (KCSS)');
    expect(String(info.Keywords)).toContain('report');
    expect(info.CreationDate).toBe('D:20260101000000Z');
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const again = await typesetDocument(challengesExcerpt());
    expect(again.pdf.length).toBe(result.pdf.length);
    expect(Buffer.from(again.pdf).equals(Buffer.from(result.pdf))).toBe(true);
    expect(again.passagePages).toEqual(result.passagePages);
  });
});

describe('typesetDocument on an excerpt of "From Crisis Management to Stability and Integration"', () => {
  it('keeps the Serbian place and person names, and shortens the title in the running header', async () => {
    const input = crisisExcerpt();
    const result = await typesetDocument(input);
    const pdf = await readPdf(result.pdf);
    const page1 = await pdf.pageText(1);
    expect(page1).toContain('From Crisis Management to Stability and Integration');
    expect(page1).toContain("Navigating Kosovo's Security Landscape");
    const body = await pdf.pageText(result.passagePages['p-situation']!);
    for (const word of ['Zvečan', 'Leposavić', 'Radojičić']) expect(body).toContain(word);
    expect(await pdf.pageItems(2)).toContain(shortTitle(input.document.title));
    expect(input.document.subtitle).toBeDefined();
  });

  it("shows the document's own note on the title page, once, when it already names Field Workbench", async () => {
    const input = crisisExcerpt();
    input.document = { ...input.document, note: 'Typeset by Field Workbench from the source text 001_854a494500a4b47a.txt.' };
    const page1 = await (await readPdf((await typesetDocument(input)).pdf)).pageText(1);
    expect(page1).toContain('Typeset by Field Workbench from the source text 001_854a494500a4b47a.txt.');
    expect(page1).not.toContain(TYPESET_NOTE.slice(0, 40));
  });

  it('renders letters and quotes the bundled seeds do not use: đ, ž, „', async () => {
    // Not from a seed: the papers quote no Serbian text with these characters, but imported
    // documents will. The names are real (Serbia's foreign minister, a Kosovo Serb town).
    const input = crisisExcerpt();
    const sentence = 'Marko Đurić visited Gračanica and Štrpce; the daily wrote „Dijalog je završen“.';
    input.passages = [{ ...input.passages[1]!, id: 'p-synthetic', text: sentence, footnoteRefs: [], links: [] }];
    const result = await typesetDocument(input);
    const pdf = await readPdf(result.pdf);
    expect(await pdf.pageText(result.passagePages['p-synthetic']!)).toContain(sentence);
  });
});
