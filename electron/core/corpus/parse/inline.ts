import type { FootnoteRef, InlineLink } from '../schema.js';

/**
 * Inline clean-up of one block of extracted text: the markdown and HTML the PDF extraction left
 * behind become plain text, while what they meant is kept as offsets into that text
 * (footnote markers, links, and bold spans, which the recommendation extractor reads).
 */

export interface Span {
  start: number;
  end: number;
}

export interface CleanInline {
  text: string;
  footnoteRefs: FootnoteRef[];
  links: InlineLink[];
  /** Bold runs (`**...**`, `<b>...</b>`); runs separated only by spaces are merged. */
  bold: Span[];
}

const ESCAPABLE = new Set('\\`*_{}[]()#+-.!<>'.split(''));
const CLOSING_PUNCTUATION = /[.,;:!?)\]]/;

/** Markdown escapes (`\_`, `\(`) in URLs and text: the character itself is meant. */
export function unescapeMarkdown(s: string): string {
  return s.replace(/\\(.)/g, (m, c: string) => (ESCAPABLE.has(c) ? c : m));
}

class TextBuilder {
  out = '';
  private pendingSpace = false;
  private afterMarker = false;

  space(): void {
    this.pendingSpace = true;
  }

  /** A removed marker (footnote, tag): a space left before following punctuation is dropped. */
  marker(): void {
    this.afterMarker = true;
  }

  emit(s: string): void {
    if (s.length === 0) return;
    if (this.pendingSpace && this.out.length > 0) {
      const dropSpace = this.afterMarker && CLOSING_PUNCTUATION.test(s[0]!);
      if (!dropSpace) this.out += ' ';
    }
    this.pendingSpace = false;
    this.afterMarker = false;
    this.out += s;
  }

  /** Offset where the next visible character will go, counting a pending space. */
  nextOffset(): number {
    return this.out.length + (this.pendingSpace && this.out.length > 0 ? 1 : 0);
  }
}

/** Finds the `)` closing a link target, allowing balanced parentheses inside URLs. */
function closingParen(raw: string, open: number): number {
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function closingBracket(raw: string, open: number): number {
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export function cleanInline(raw: string): CleanInline {
  const b = new TextBuilder();
  const footnoteRefs: FootnoteRef[] = [];
  const links: InlineLink[] = [];
  const bold: Span[] = [];
  let boldStart: number | undefined;

  const openBold = () => {
    boldStart = b.nextOffset();
  };
  const closeBold = () => {
    if (boldStart !== undefined && b.out.length > boldStart) bold.push({ start: boldStart, end: b.out.length });
    boldStart = undefined;
  };

  let i = 0;
  while (i < raw.length) {
    const rest = raw.slice(i);
    const c = raw[i]!;

    const sup = /^<sup>\s*(\d+)\s*<\/sup>/i.exec(rest);
    if (sup) {
      footnoteRefs.push({ number: Number(sup[1]), offset: b.out.length });
      b.marker();
      i += sup[0].length;
      continue;
    }
    const autolink = /^<((?:https?:\/\/|mailto:)[^>\s]+)>/i.exec(rest);
    if (autolink) {
      const url = unescapeMarkdown(autolink[1]!);
      const start = b.nextOffset();
      b.emit(url);
      links.push({ text: url, url, start, end: b.out.length });
      i += autolink[0].length;
      continue;
    }
    const boldTag = /^<(\/?)(b|strong)>/i.exec(rest);
    if (boldTag) {
      if (boldTag[1]) closeBold();
      else openBold();
      b.marker();
      i += boldTag[0].length;
      continue;
    }
    const tag = /^<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.exec(rest);
    if (tag) {
      // Stray HTML from the extraction (<p>, <br>...): a block tag separates words.
      b.space();
      b.marker();
      i += tag[0].length;
      continue;
    }
    if (c === '[') {
      const close = closingBracket(raw, i);
      if (close > 0 && raw[close + 1] === '(') {
        const end = closingParen(raw, close + 1);
        if (end > 0) {
          const inner = cleanInline(raw.slice(i + 1, close));
          const href = unescapeMarkdown(raw.slice(close + 2, end).trim());
          // A URL shown as its own link text was escaped twice over (`\\_`): show the target.
          const shown = inner.text.replace(/\\/g, '') === href.replace(/\\/g, '') ? href : inner.text;
          const start = b.nextOffset();
          if (shown) b.emit(shown);
          // `(#)` targets were lost in extraction: the words stay, a dead link would mislead.
          if (href && href !== '#' && shown) links.push({ text: shown, url: href, start, end: b.out.length });
          i = end + 1;
          continue;
        }
      }
    }
    if (c === '*' || (c === '_' && raw[i + 1] === '_')) {
      const run = /^(\*+|__)/.exec(rest)![0];
      if (run.length >= 2) {
        if (boldStart === undefined) openBold();
        else closeBold();
      }
      i += run.length;
      continue;
    }
    if (c === '\\' && i + 1 < raw.length && ESCAPABLE.has(raw[i + 1]!)) {
      b.emit(raw[i + 1]!);
      i += 2;
      continue;
    }
    if (/\s/.test(c)) {
      b.space();
      i++;
      continue;
    }
    b.emit(c);
    i++;
  }
  closeBold();

  const text = b.out;
  for (const ref of footnoteRefs) ref.offset = Math.min(ref.offset, text.length);
  return { text, footnoteRefs, links, bold: mergeSpans(bold, text) };
}

function mergeSpans(spans: Span[], text: string): Span[] {
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && text.slice(last.end, s.start).trim() === '') last.end = s.end;
    else merged.push({ ...s });
  }
  return merged;
}
