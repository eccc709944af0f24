import type { Block, SeedMeta } from './types.js';
import { FurnitureDetector } from './furniture.js';
import { cleanInline } from './inline.js';
import { compact, wordCount } from './text.js';

/**
 * Second pass: decides which heading candidates are headings, at which level, and where the
 * front and back matter lie. Papers with a table of contents are read through it (the TOC is
 * the paper's own list of its sections, and gives their levels); flat papers through their
 * typography (markdown levels, lines set apart, numbered leads).
 */

export interface ResolvedBlock extends Block {
  /** For headings: the section title and level to use. */
  title?: string;
  level?: number;
  backMatter: boolean;
}

interface TocEntry {
  title: string;
  key: string;
  level: number;
}

const NUMBER_PREFIX = /^\s*(\d+(?:\.\d+)*)\.?\s+/;

function headingKey(text: string): string {
  return compact(text.replace(NUMBER_PREFIX, ''));
}

function tocEntries(toc: Block[]): TocEntry[] {
  return toc.map((entry) => {
    const title = cleanInline(entry.raw).text.replace(/\s*\.$/, '');
    const number = NUMBER_PREFIX.exec(title)?.[1];
    return { title, key: headingKey(title), level: number ? number.split('.').filter(Boolean).length : 1 };
  });
}

/** A "heading" that is really a bold lead sentence of a paragraph (`### **Another challenge is...**`). */
function isBoldLead(block: Block): boolean {
  const raw = block.raw.trim();
  if (!raw.startsWith('**') || !/\p{Ll}/u.test(raw)) return false;
  const text = cleanInline(raw).text;
  return text.endsWith(':') || wordCount(text) > 12;
}

function stripHeadingPunctuation(title: string): string {
  return title.replace(/\s*[.:]$/, '').trim();
}

/** Splits "5 Explore Options ... through the PCM. The Partnership Cooperation Menu ..." into lead and body. */
function splitNumberedLead(raw: string): [string, string | undefined] {
  const m = /^(.+?[.?!])\s+(\p{Lu}.{40,})$/u.exec(raw);
  return m ? [m[1]!, m[2]!] : [raw, undefined];
}

export function resolveHeadings(blocks: Block[], toc: Block[], meta: SeedMeta): ResolvedBlock[] {
  const furniture = new FurnitureDetector(meta);
  const entries = tocEntries(toc);
  const hasToc = entries.length > 0;
  const lastTocKey = entries[entries.length - 1]?.key;
  const authorForms = meta.authors.map((a) => compact(a));

  const kept = blocks.filter((b) => !furniture.isFurniture(b));
  const mdLevels = kept
    .filter((b) => b.headingStyle === 'markdown' && !isBoldLead(b))
    .map((b) => b.mdLevel ?? 1);
  const minMd = mdLevels.length > 0 ? Math.min(...mdLevels) : 1;

  const out: ResolvedBlock[] = [];
  let phase: 'front' | 'body' | 'back' = 'front';
  let inLastTocSection = false;
  let currentLevel = 0;

  const heading = (block: Block, title: string, level: number, backMatter: boolean) => {
    currentLevel = level;
    out.push({ ...block, kind: 'heading', title: stripHeadingPunctuation(title), level, backMatter });
  };
  const asParagraph = (block: Block) => {
    out.push({ ...block, kind: 'paragraph', headingStyle: undefined, backMatter: phase !== 'body' });
  };

  for (const block of kept) {
    if (phase === 'front' && furniture.isByline(block)) continue;
    const text = cleanInline(block.raw).text;

    if (block.kind !== 'heading') {
      if (!hasToc && phase === 'front') phase = 'body';
      if (phase === 'body' && block.kind === 'paragraph' && startsWithAuthorBio(block.raw, authorForms)) phase = 'back';
      if (phase === 'body' && block.kind === 'paragraph' && namesAllAuthors(text, meta.authors)) phase = 'back';
      out.push({ ...block, backMatter: phase !== 'body' });
      continue;
    }

    if (isBoldLead(block)) {
      if (!hasToc && phase === 'front') phase = 'body';
      asParagraph(block);
      continue;
    }

    if (block.headingStyle === 'cip' || /^about\s+(the\s+)?(kcss|kas|authors?)\b/i.test(text)) {
      phase = 'back';
      heading(block, text, 1, true);
      continue;
    }

    if (hasToc) {
      const key = headingKey(text);
      const entry = entries.find((e) => e.key === key);
      if (entry && (block.headingStyle === 'markdown' || block.headingStyle === 'caps') && phase !== 'back') {
        phase = 'body';
        inLastTocSection = key === lastTocKey;
        heading(block, entry.title, entry.level, false);
        continue;
      }
      if (phase === 'front' || phase === 'back' || inLastTocSection) {
        if (block.headingStyle === 'caps' || block.headingStyle === 'markdown') {
          if (inLastTocSection) phase = 'back';
          heading(block, text, 1, true);
        } else asParagraph(block);
        continue;
      }
      if (block.headingStyle === 'markdown') heading(block, text, Math.min(6, currentLevel + 1), false);
      else asParagraph(block);
      continue;
    }

    // Papers without a table of contents.
    if (phase === 'front') phase = 'body';
    switch (block.headingStyle) {
      case 'markdown':
        heading(block, text, Math.min(6, (block.mdLevel ?? 1) - minMd + 1), phase === 'back');
        break;
      case 'flat':
        heading(block, text, 1, phase === 'back');
        break;
      case 'flat-group':
        heading(block, text, 2, phase === 'back');
        break;
      case 'numbered': {
        const [lead, body] = splitNumberedLead(block.raw);
        heading({ ...block, raw: lead }, `${block.number} ${cleanInline(lead).text}`, 1, phase === 'back');
        if (body) out.push({ kind: 'paragraph', raw: body, line: block.line, backMatter: phase === 'back' });
        break;
      }
      default:
        asParagraph(block);
    }
  }
  return out;
}

/** Author notes open with the author's name in bold: "**Ramadan Ilazi** is ...". */
function startsWithAuthorBio(raw: string, authorForms: string[]): boolean {
  const m = /^\*\*([^*]+)\*\*\s+\p{Ll}/u.exec(raw.trim());
  return !!m && authorForms.includes(compact(m[1]!));
}

/** A credits paragraph ("They were prepared by A, B and C") names every author of a multi-author paper. */
function namesAllAuthors(text: string, authors: string[]): boolean {
  return authors.length >= 2 && authors.every((a) => text.includes(a));
}
