import type { Block } from './types.js';
import type { SeedMeta } from './types.js';
import { cleanInline } from './inline.js';
import { compact } from './text.js';

/**
 * Page furniture: what the PDF printed on every page or on the title page rather than in the
 * running text. Running headers repeat the title (sometimes with the authors), the publisher's
 * name, page numbers and the ISBN barcode. The document's metadata already carries the title
 * and the byline, so these never become passages.
 */

const BYLINE = /^\W*(?:(?:by|authors?|edited by)\s*:|prepared by)\s*\p{L}/iu;
const PAGE_NUMBER = /^\d{1,3}$/;
const BARCODE = /^\d \d{6} \d{6}$/;

function publisherForms(meta: SeedMeta): Set<string> {
  const forms = new Set<string>();
  for (const p of meta.publishers) {
    forms.add(compact(p));
    const abbreviated = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(p);
    if (abbreviated) {
      forms.add(compact(abbreviated[1]!));
      forms.add(compact(abbreviated[2]!));
    }
  }
  return forms;
}

export class FurnitureDetector {
  private readonly title: string;
  private readonly publishers: Set<string>;
  private readonly bylineParts: string[];

  constructor(meta: SeedMeta) {
    this.title = compact(meta.title);
    this.publishers = publisherForms(meta);
    this.bylineParts = [meta.subtitle ?? '', ...meta.authors, ...(meta.editors ?? [])].map(compact).filter(Boolean);
  }

  /** What follows the title in a running header is the subtitle and the authors, nothing else
   * (a catalogue entry that starts with the title goes on with place, publisher and year). */
  private onlyBylineAfter(rest: string): boolean {
    let left = rest;
    for (const part of this.bylineParts) left = left.split(part).join('');
    return left.replace(/dr|and/g, '') === '';
  }

  /** Furniture anywhere in the paper. */
  isFurniture(block: Block): boolean {
    if (block.kind !== 'paragraph' && block.kind !== 'heading') return false;
    const text = cleanInline(block.raw).text;
    const c = compact(text);
    if (c === '') return true;
    if (PAGE_NUMBER.test(text) || BARCODE.test(text)) return true;
    // A running header: the title, perhaps followed by the subtitle and the authors.
    if (this.title.length > 0 && c.startsWith(this.title) && this.onlyBylineAfter(c.slice(this.title.length))) return true;
    return this.publishers.has(c);
  }

  /** Title-page bylines ("By: ...", "Author: ..."): the metadata has the names. Only asked before the body starts. */
  isByline(block: Block): boolean {
    return block.kind === 'paragraph' && BYLINE.test(cleanInline(block.raw).text);
  }
}
