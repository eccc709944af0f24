import type { InlineAtom } from './inline-atoms';
import type { Line, Measurer } from './line-breaker';
import { COLORS, SPACING, type FontKey, type TextStyle } from './page-style';

const BOLD_OF: Record<FontKey, FontKey> = {
  serif: 'serifBold',
  serifBold: 'serifBold',
  serifItalic: 'serifBold',
  condensed: 'condensedBold',
  condensedBold: 'condensedBold',
};

/** One stretch of a line drawn with a single text call. */
interface Run {
  text: string;
  font: FontKey;
  size: number;
  color: string;
  url?: string;
  superscript: boolean;
}

export type Align = 'left' | 'center';

/**
 * A link annotation's URI must be ASCII (pdfkit would otherwise write it as UTF-16, which
 * viewers cannot open); letters such as the ë in a Kosovo ministry's file name are
 * percent-encoded as UTF-8, while the text on the page keeps them.
 */
export function asciiUri(url: string): string {
  return url.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
}

/**
 * Measures and draws lines of atoms with pdfkit. Each line is drawn as a few runs that keep
 * their real space characters, so text extraction (pdf.js, search, copy) gives the source
 * words back exactly, with the spaces between them.
 */
export class TextPainter {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private fontOf(atom: InlineAtom, style: TextStyle): { font: FontKey; size: number } {
    const font = atom.bold ? BOLD_OF[style.font] : style.font;
    const size = atom.footnote !== undefined ? style.size * SPACING.superscriptScale : style.size;
    return { font, size };
  }

  widthOf(text: string, font: FontKey, size: number): number {
    return this.doc.font(font).fontSize(size).widthOfString(text);
  }

  measurer(style: TextStyle): Measurer {
    return {
      width: (atom) => {
        const { font, size } = this.fontOf(atom, style);
        return this.widthOf(atom.text, font, size);
      },
      spaceWidth: () => this.widthOf(' ', style.font, style.size),
    };
  }

  private runsOf(line: Line, style: TextStyle): Run[] {
    const runs: Run[] = [];
    for (const atom of line) {
      const { font, size } = this.fontOf(atom, style);
      const superscript = atom.footnote !== undefined;
      const color = atom.url ? COLORS.link : style.color;
      const prev = runs[runs.length - 1];
      let lead = '';
      if (prev && atom.spaceBefore) {
        // The space is drawn at the end of the run before it, in body size, except after a
        // superscript, where it would come out too narrow: then it leads the next run.
        if (prev.superscript) lead = ' ';
        else prev.text += ' ';
      }
      if (prev && !lead && prev.font === font && prev.size === size && prev.url === atom.url && prev.superscript === superscript) {
        prev.text += atom.text;
      } else {
        runs.push({ text: lead + atom.text, font, size, color, superscript, ...(atom.url ? { url: atom.url } : {}) });
      }
    }
    return runs;
  }

  lineWidth(line: Line, style: TextStyle): number {
    return this.runsOf(line, style).reduce((w, r) => w + this.widthOf(r.text.trimEnd(), r.font, r.size), 0);
  }

  /** Draws `line` with its baseline at `baseline`; `width` is the measure used for centring. */
  paintLine(line: Line, x: number, baseline: number, style: TextStyle, align: Align = 'left', width = 0): void {
    const runs = this.runsOf(line, style);
    let cursor = align === 'center' ? x + Math.max(0, (width - this.lineWidth(line, style)) / 2) : x;
    for (const run of runs) {
      const runWidth = this.widthOf(run.text, run.font, run.size);
      const y = run.superscript ? baseline - style.size * SPACING.superscriptRise : baseline;
      this.doc.font(run.font).fontSize(run.size).fillColor(run.color);
      this.doc.text(run.text, cursor, y, { lineBreak: false, baseline: 'alphabetic' });
      if (run.url) {
        const lead = run.text.length - run.text.trimStart().length;
        const leadWidth = lead ? this.widthOf(run.text.slice(0, lead), run.font, run.size) : 0;
        const inkWidth = this.widthOf(run.text.trim(), run.font, run.size);
        // The clickable box covers the words from cap height to descender.
        this.doc.link(cursor + leadWidth, baseline - style.size * 0.85, inkWidth, style.size * 1.1, asciiUri(run.url));
      }
      cursor += runWidth;
    }
  }
}
