import { PAGE, SPACING } from './page-style';

/** A footnote ready to be set at a page bottom: its height is known before it is placed. */
export interface NoteBlock {
  number: number;
  height: number;
}

export interface PageFlowHooks<N extends NoteBlock> {
  /** Starts a new, empty page in the PDF. */
  addPage(): void;
  /** Draws the notes assigned to the page being left, their area starting at `top`. */
  drawNotes(notes: readonly N[], top: number): void;
}

/**
 * The vertical cursor through the body pages, and the footnote area growing up from each
 * page's bottom. A line that cites a footnote is placed only where that footnote fits on the
 * same page; a footnote that cannot fit even on a fresh page continues on the next one.
 */
export class PageFlow<N extends NoteBlock> {
  /** 1-based number of the current page. */
  page = 0;
  /** Top of the free space on the current page. */
  y: number = PAGE.bodyTop;
  private hasBody = false;
  private notes: N[] = [];
  private carried: N[] = [];
  private readonly seenNotes = new Set<number>();
  private readonly notePages = new Map<number, number>();

  constructor(
    private readonly hooks: PageFlowHooks<N>,
    /** Pages already in the document (the title page) before the flow starts. */
    pagesBefore: number,
  ) {
    this.page = pagesBefore;
  }

  get footnotePages(): ReadonlyMap<number, number> {
    return this.notePages;
  }

  private notesHeight(notes: readonly N[]): number {
    if (notes.length === 0) return 0;
    return SPACING.footnoteRuleGap + notes.reduce((h, n) => h + n.height + SPACING.footnoteGap, 0);
  }

  /** Bottom of the body on the current page, given the notes already assigned to it. */
  private bottom(extra: readonly N[] = []): number {
    return PAGE.bodyBottom - this.notesHeight([...this.notes, ...extra]);
  }

  atPageTop(): boolean {
    return !this.hasBody;
  }

  /** Opens the first body page. */
  begin(): void {
    this.openPage();
  }

  breakPage(): void {
    this.closePage();
    this.openPage();
  }

  private openPage(): void {
    this.hooks.addPage();
    this.page++;
    this.y = PAGE.bodyTop;
    this.hasBody = false;
    this.notes = [];
    const carried = this.carried;
    this.carried = [];
    this.assignNotes(carried, true);
  }

  private closePage(): void {
    if (this.notes.length > 0) this.hooks.drawNotes(this.notes, this.bottom() + SPACING.footnoteRuleGap);
  }

  /** Vertical space between blocks; swallowed at the top of a page. */
  space(height: number): void {
    if (this.hasBody) this.y += height;
  }

  /** Height left below the cursor on this page if `notes` were added to it. */
  spaceLeft(notes: readonly N[] = []): number {
    return this.bottom(notes.filter((n) => !this.seenNotes.has(n.number))) - this.y;
  }

  /** Moves to a new page unless `height` fits below the cursor (used to keep headings with text). */
  ensure(height: number): void {
    if (this.hasBody && this.y + height > this.bottom()) this.breakPage();
  }

  /**
   * Reserves `height` for a line (or a table row) that cites `notes`, breaking the page first
   * if line and notes do not fit. Returns the top of the reserved box and its page.
   */
  place(height: number, notes: readonly N[] = []): { top: number; page: number } {
    const fresh = notes.filter((n) => !this.seenNotes.has(n.number));
    if (this.hasBody && this.y + height > this.bottom(fresh)) this.breakPage();
    const firstOnPage = !this.hasBody;
    const top = this.y;
    this.y += height;
    this.hasBody = true;
    for (const n of fresh) this.seenNotes.add(n.number);
    this.assignNotes(fresh, firstOnPage);
    return { top, page: this.page };
  }

  /** `freshPage`: nothing else is on the page, so a note too tall for it would fit nowhere better. */
  private assignNotes(notes: readonly N[], freshPage: boolean): void {
    for (const note of notes) {
      const fits = this.carried.length === 0 && this.y <= this.bottom([note]);
      if (fits || (freshPage && this.notes.length === 0 && this.carried.length === 0)) {
        this.notes.push(note);
        this.notePages.set(note.number, this.page);
      } else {
        this.carried.push(note);
      }
    }
  }

  /** Closes the last page, adding pages for any footnotes still waiting for room. */
  finish(): void {
    this.closePage();
    while (this.carried.length > 0) {
      this.openPage();
      this.closePage();
    }
  }
}
