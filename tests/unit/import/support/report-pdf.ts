import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Typesets a report PDF with a known layout, so tests can check extraction against what
 * was put in: a title and authors on page 1, numbered section headings in bold, indented
 * paragraphs, words hyphenated at line ends, raised footnote markers with their notes at
 * the page bottom in small type, a running header and a bare page number on every page.
 * Lines are broken here (not by pdfkit) so we know exactly which words were split.
 */
export interface ReportSection {
  heading: string;
  /** `[[note text]]` right after a word becomes a raised footnote marker. */
  paragraphs: string[];
}

export interface ReportSpec {
  title: string;
  authors: string[];
  runningHeader: string;
  sections: ReportSection[];
  /** Put the title in the PDF's info dictionary (default true). */
  infoTitle?: boolean;
}

export interface TypesetReport {
  bytes: Uint8Array;
  pageCount: number;
  /** Words split with a hyphen at a line end, as whole words. */
  splitWords: string[];
  footnotes: { number: number; text: string }[];
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 64, right: 64, top: 72, bottom: 72 };
const BODY = { size: 10, leading: 13.5 };
const NOTE = { size: 7.5, leading: 9.5 };
const SUP = { size: 6.5, rise: 3.3 };
const HEADING = { size: 14, leading: 18 };
const TITLE = { size: 22, leading: 27 };
const INDENT = 14;

interface Token {
  word: string;
  note?: number;
}

export async function typesetReport(spec: ReportSpec): Promise<TypesetReport> {
  const require = createRequire(import.meta.url);
  const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    info: { ...(spec.infoTitle === false ? {} : { Title: spec.title }), Author: spec.authors.join(', '), CreationDate: new Date(Date.UTC(2024, 4, 1)) },
  });
  doc.registerFont('body', path.join(fontDir, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(fontDir, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const width = PAGE.width - MARGIN.left - MARGIN.right;
  const splitWords: string[] = [];
  const footnotes: { number: number; text: string }[] = [];
  let pageCount = 0;
  let y = 0;
  let pageNotes: string[][] = [];
  let notesHeight = 0;

  const bottomLimit = () => PAGE.height - MARGIN.bottom - notesHeight;
  const finishPage = () => {
    if (pageCount === 0) return;
    let noteY = PAGE.height - MARGIN.bottom - notesHeight + 6;
    if (pageNotes.length > 0) {
      doc.moveTo(MARGIN.left, noteY - 4).lineTo(MARGIN.left + 120, noteY - 4).lineWidth(0.5).stroke();
    }
    doc.font('body').fontSize(NOTE.size);
    for (const lines of pageNotes) {
      for (const line of lines) {
        doc.text(line, MARGIN.left, noteY, { lineBreak: false });
        noteY += NOTE.leading;
      }
    }
    doc.font('body').fontSize(8).text(spec.runningHeader, MARGIN.left, 36, { lineBreak: false });
    const number = String(pageCount);
    doc.fontSize(9).text(number, PAGE.width / 2 - doc.widthOfString(number) / 2, PAGE.height - 44, { lineBreak: false });
  };
  const newPage = () => {
    finishPage();
    doc.addPage();
    pageCount += 1;
    y = MARGIN.top;
    pageNotes = [];
    notesHeight = 0;
  };

  const measure = (font: string, size: number, text: string) => doc.font(font).fontSize(size).widthOfString(text);
  const tokenWidth = (t: Token, font: string, size: number) => measure(font, size, t.word) + (t.note ? measure('body', SUP.size, String(t.note)) : 0);
  const wrapPlain = (text: string, font: string, size: number, maxWidth: number): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && measure(font, size, candidate) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    return lines;
  };

  /** Draws a line as one string per stretch between footnote markers, as word processors do. */
  const drawLine = (tokens: Token[], x: number, font: string, size: number, trailingHyphen: boolean) => {
    let cursor = x;
    let pending: string[] = [];
    const flushText = () => {
      if (pending.length === 0) return;
      const text = pending.join(' ');
      doc.font(font).fontSize(size).text(text, cursor, y, { lineBreak: false });
      cursor += measure(font, size, text);
      pending = [];
    };
    tokens.forEach((t, i) => {
      pending.push(i === tokens.length - 1 && trailingHyphen ? `${t.word}-` : t.word);
      if (!t.note) return;
      flushText();
      const mark = String(t.note);
      // pdfkit places text by the top of its line box; shift so the marker's baseline sits
      // SUP.rise above the body's baseline, as word processors do.
      doc.font('body').fontSize(SUP.size).text(mark, cursor, y + (size - SUP.size) * 0.93 - SUP.rise, { lineBreak: false });
      cursor += measure('body', SUP.size, mark) + measure(font, size, ' ');
    });
    flushText();
  };

  /** Lays out a paragraph line by line, splitting a long word at a line end with a hyphen. */
  const paragraph = (text: string, font: string, size: number, leading: number, indent: number) => {
    const tokens = tokenize(text, footnotes);
    let first = true;
    while (tokens.length > 0) {
      const x = MARGIN.left + (first ? indent : 0);
      const available = width - (first ? indent : 0);
      const line: Token[] = [];
      let used = 0;
      let hyphenated = false;
      while (tokens.length > 0) {
        const t = tokens[0]!;
        const space = line.length > 0 ? measure(font, size, ' ') : 0;
        const w = tokenWidth(t, font, size);
        if (used + space + w <= available) {
          line.push(tokens.shift()!);
          used += space + w;
          continue;
        }
        const letters = /^[\p{L}]+$/u.test(t.word) && !t.note && t.word.length >= 8;
        if (letters) {
          for (let cut = t.word.length - 3; cut >= 3; cut--) {
            const head = t.word.slice(0, cut);
            if (used + space + measure(font, size, `${head}-`) <= available) {
              splitWords.push(t.word);
              line.push({ word: head });
              tokens[0] = { word: t.word.slice(cut) };
              hyphenated = true;
              break;
            }
          }
        }
        break;
      }
      if (line.length === 0) line.push(tokens.shift()!);
      const newNotes = line.filter((t) => t.note).map((t) => footnotes[t.note! - 1]!);
      const noteLines = newNotes.map((n) => wrapPlain(`${n.number} ${n.text}`, 'body', NOTE.size, width));
      const extra = noteLines.reduce((h, lines) => h + lines.length * NOTE.leading, 0) + (pageNotes.length === 0 && noteLines.length > 0 ? 10 : 0);
      if (y + leading > bottomLimit() - extra) newPage();
      drawLine(line, x, font, size, hyphenated);
      pageNotes.push(...noteLines);
      notesHeight += extra;
      y += leading;
      first = false;
    }
  };

  newPage();
  for (const line of wrapPlain(spec.title, 'bold', TITLE.size, width)) {
    doc.font('bold').fontSize(TITLE.size).text(line, MARGIN.left, y, { lineBreak: false });
    y += TITLE.leading;
  }
  y += 6;
  doc.font('body').fontSize(11.5).text(spec.authors.join(', '), MARGIN.left, y, { lineBreak: false });
  y += 34;
  for (const section of spec.sections) {
    if (y + HEADING.leading * 3 > bottomLimit()) newPage();
    y += 8;
    paragraph(section.heading, 'bold', HEADING.size, HEADING.leading, 0);
    y += 4;
    section.paragraphs.forEach((text, i) => {
      paragraph(text, 'body', BODY.size, BODY.leading, i === 0 ? 0 : INDENT);
    });
  }
  finishPage();
  doc.end();
  await finished;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pageCount, splitWords, footnotes };
}

function tokenize(text: string, footnotes: { number: number; text: string }[]): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/(\S+?)\[\[([^\]]+)\]\]|\S+/g)) {
    if (match[2] !== undefined) {
      footnotes.push({ number: footnotes.length + 1, text: match[2] });
      tokens.push({ word: match[1]!, note: footnotes.length });
    } else tokens.push({ word: match[0] });
  }
  return tokens;
}
