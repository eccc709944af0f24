import type { Section } from '../schema';
import { PAGE } from './page-style';

/** pdfkit passes these through to the destination; its typings only know `expanded`. */
interface OutlineOptions {
  expanded?: boolean;
  /** Distance from the page top to show at the window's top. */
  top?: number;
  /** pdfkit subtracts this from the page width; the page width gives a left edge of 0. */
  left?: number;
}

/**
 * PDF bookmarks from the sections, nested by parent (or, when a parent has no bookmark, by
 * level). Items are added while the heading's page is the current one, which is the page
 * pdfkit points them at.
 */
export class OutlineBuilder {
  private readonly items = new Map<string, PDFKit.PDFOutline>();
  private stack: { level: number; item: PDFKit.PDFOutline }[] = [];

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  add(section: Section, headingTop: number): void {
    const parentById = section.parentId ? this.items.get(section.parentId) : undefined;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= section.level) this.stack.pop();
    const parent = parentById ?? this.stack[this.stack.length - 1]?.item ?? this.doc.outline;
    const options: OutlineOptions = { expanded: section.level <= 1, top: Math.max(0, headingTop - 12), left: PAGE.width };
    const item = parent.addItem(section.title, options as { expanded?: boolean });
    this.items.set(section.id, item);
    this.stack.push({ level: section.level, item });
  }
}
