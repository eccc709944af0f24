import type { Passage, Section } from '../schema';
import type { FootnoteBlock } from './footnote-blocks';
import { buildAtoms, type InlineAtom } from './inline-atoms';
import { breakLines, type Line } from './line-breaker';
import type { OutlineBuilder } from './outline';
import type { PageFlow } from './page-flow';
import { BODY_WIDTH, PAGE, SPACING, STYLES, headingStyle, type TextStyle } from './page-style';
import type { Block } from './reading-order';
import { drawTable } from './table-block';
import type { TextPainter } from './text-painter';

/** Where a baseline sits within a line box of the style's leading. */
const BASELINE_RATIO = 0.78;

/** List items whose text already carries its number or bullet get no extra bullet. */
const OWN_ENUMERATOR = /^\s*(\d{1,2}[.)]|[a-zA-Z][.)]|[ivx]{1,4}[.)]|[•▪◦·*–-])\s/;

export interface BodyWriterDeps {
  doc: PDFKit.PDFDocument;
  painter: TextPainter;
  flow: PageFlow<FootnoteBlock>;
  outline: OutlineBuilder;
  footnotes: ReadonlyMap<number, FootnoteBlock>;
}

/** Draws blocks into the page flow and records the page where each passage and section starts. */
export class BodyWriter {
  readonly passagePages: Record<string, number> = {};
  readonly sectionPages: Record<string, number> = {};
  readonly endnotePages = new Map<number, number>();

  constructor(private readonly deps: BodyWriterDeps) {}

  write(block: Block): void {
    switch (block.type) {
      case 'heading':
        return this.heading(block.title, block.level, block.passage, block.section);
      case 'text':
        return this.text(block.passage);
      case 'table':
        return drawTable(block.rows, {
          doc: this.deps.doc,
          painter: this.deps.painter,
          flow: this.deps.flow,
          footnote: (n) => this.deps.footnotes.get(n),
          placed: (passage, page) => this.record(passage, page),
        });
      case 'notesHeading':
        return this.heading('Notes', 1);
      case 'endnote':
        return this.endnote(block.footnote.number);
      case 'pageBreak':
        if (!this.deps.flow.atPageTop()) this.deps.flow.breakPage();
        return;
    }
  }

  private record(passage: Passage, page: number): void {
    if (this.passagePages[passage.id] === undefined) this.passagePages[passage.id] = page;
  }

  private notesOf(line: Line): FootnoteBlock[] {
    return line
      .filter((a) => a.footnote !== undefined)
      .map((a) => this.deps.footnotes.get(a.footnote!))
      .filter((n): n is FootnoteBlock => n !== undefined);
  }

  /** Places lines one by one (a page may break between any two); returns the first line's page and top. */
  private placeLines(lines: readonly Line[], style: TextStyle, x: number, paint = true): { page: number; top: number } {
    const { flow, painter } = this.deps;
    // No single first line of a paragraph left at a page bottom.
    flow.ensure(Math.min(2, lines.length) * style.leading);
    let first: { page: number; top: number } | undefined;
    for (const line of lines) {
      const placed = flow.place(style.leading, this.notesOf(line));
      first ??= placed;
      if (paint) painter.paintLine(line, x, placed.top + style.leading * BASELINE_RATIO, style);
    }
    return first ?? { page: flow.page, top: flow.y };
  }

  private heading(title: string, level: number, passage?: Passage, section?: Section): void {
    const { flow, painter } = this.deps;
    const style = headingStyle(level);
    const atoms = passage ? buildAtoms(passage.text, passage.links, passage.footnoteRefs) : buildAtoms(title);
    const lines = breakLines(atoms, BODY_WIDTH, painter.measurer(style));
    flow.space(SPACING.headingBefore(level));
    // Keep the heading with the first lines of its text.
    flow.ensure(lines.length * style.leading + SPACING.headingAfter + SPACING.headingKeepLines * STYLES.body.leading);
    const { page, top } = this.placeLines(lines, style, PAGE.marginLeft);
    if (passage) this.record(passage, page);
    if (section && this.sectionPages[section.id] === undefined) {
      this.sectionPages[section.id] = page;
      this.deps.outline.add(section, top);
    }
    flow.space(SPACING.headingAfter);
  }

  private text(passage: Passage): void {
    const { flow, painter } = this.deps;
    const speaker: InlineAtom[] = passage.speaker ? [{ text: `${passage.speaker}:`, spaceBefore: false, bold: true }] : [];
    const body = buildAtoms(passage.text, passage.links, passage.footnoteRefs).map((a, i) =>
      i === 0 && speaker.length > 0 ? { ...a, spaceBefore: true } : a,
    );
    const atoms = [...speaker, ...body];

    if (passage.kind === 'list-item') {
      const own = OWN_ENUMERATOR.test(passage.text);
      const lines = breakLines(atoms, BODY_WIDTH - SPACING.listIndent, painter.measurer(STYLES.body));
      const { page, top } = this.placeLines(lines, STYLES.body, PAGE.marginLeft + SPACING.listIndent);
      if (!own && lines.length > 0) {
        // Draw the bullet on the page of the item's first line.
        this.onPage(page, () =>
          painter.paintLine(buildAtoms('•'), PAGE.marginLeft + 5, top + STYLES.body.leading * BASELINE_RATIO, STYLES.body),
        );
      }
      this.record(passage, page);
      flow.space(SPACING.listItemAfter);
      return;
    }
    if (passage.kind === 'quote') {
      const lines = breakLines(atoms, BODY_WIDTH - 2 * SPACING.quoteIndent, painter.measurer(STYLES.quote));
      const { page } = this.placeLines(lines, STYLES.quote, PAGE.marginLeft + SPACING.quoteIndent);
      this.record(passage, page);
      flow.space(SPACING.paragraphAfter);
      return;
    }
    // Paragraphs, and anything the parser may add later, are set as body text.
    const style = passage.kind === 'footnote' ? STYLES.footnote : STYLES.body;
    const lines = breakLines(atoms, BODY_WIDTH, painter.measurer(style));
    const { page } = this.placeLines(lines, style, PAGE.marginLeft);
    this.record(passage, page);
    flow.space(SPACING.paragraphAfter);
  }

  /** Draws on an earlier page of the buffer, then returns to the current one. */
  private onPage(page: number, draw: () => void): void {
    const { doc, flow } = this.deps;
    const { start } = doc.bufferedPageRange();
    if (page === flow.page) return draw();
    doc.switchToPage(start + page - 1);
    draw();
    doc.switchToPage(start + flow.page - 1);
  }

  /** A footnote no passage cites: set in the body under "Notes", number hanging to the left. */
  private endnote(number: number): void {
    const note = this.deps.footnotes.get(number);
    if (!note) return;
    const { flow, painter } = this.deps;
    const style = STYLES.footnote;
    let first = true;
    for (const line of note.lines) {
      const { top, page } = flow.place(style.leading);
      const baseline = top + style.leading * BASELINE_RATIO;
      // The first line starts with the footnote's number, which hangs in the margin column.
      const label = first ? line.slice(0, 1) : [];
      painter.paintLine(label, PAGE.marginLeft, baseline, style);
      painter.paintLine(first ? line.slice(1) : line, PAGE.marginLeft + 12, baseline, style);
      if (first) this.endnotePages.set(number, page);
      first = false;
    }
    flow.space(SPACING.footnoteGap + 2);
  }
}
