import type { Block } from './types.js';
import { joinLine, type Vocabulary } from './hyphenation.js';
import { compact } from './text.js';

/**
 * First pass over a seed text: lines become blocks (headings, paragraphs, list items, table
 * rows, footnote lines, table-of-contents entries). Nothing is decided here that needs the
 * whole document: page breaks, furniture and heading levels are resolved by later passes.
 */

export interface ReadOptions {
  vocabulary: Vocabulary;
  /** Footnote lines are only recognised in papers that carry `<sup>n</sup>` markers. */
  hasFootnoteMarkers: boolean;
}

const RULE = /^\s*-{3,}\s*$/;
const STRAY_DASH = /^\s*[-–]\s*$/;
const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[•●▪◦]\s*(.*)$/;
const NUMBERED_ITEM = /^\s*(\d{1,2})\.\s+(.+)$/;
const NUMBERED_HEADING = /^(\d{1,2})\s+([A-Z“"‘].+)$/;
const FLAT_HEADING = /^ (?=\p{Lu})(.+)$/u;
const GROUP_HEADING = /^(For [^.:]{2,60}):\s*$/;
const CIP_HEADING = /^(Katalogimi në botim.*?)\s*$/;
const FOOTNOTE_LINE = /^(\d{1,3})\s+(\S.*)$/;
const TOC_ENTRY = /^(.+?)\t+\s*(\d{1,3})\s*$/;

function isCapsLine(line: string): boolean {
  const t = line.trim();
  return t.length >= 4 && t.length <= 160 && /^\p{Lu}/u.test(t) && /\p{Lu}{3,}/u.test(t) && !/[\p{Ll}\d]/u.test(t) && !t.includes('\t');
}

export interface ReadResult {
  blocks: Block[];
  toc: Block[];
  footnotes: Block[];
}

export function readBlocks(text: string, options: ReadOptions): ReadResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const toc: Block[] = [];
  const footnotes: Block[] = [];
  let open: Block | undefined;
  let inToc = false;
  let nextFootnote = 1;
  let nextNumberedHeading = 1;

  const close = () => {
    open = undefined;
  };
  const push = (block: Block, keepOpen = false) => {
    blocks.push(block);
    open = keepOpen ? block : undefined;
  };

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '' || RULE.test(line) || STRAY_DASH.test(line)) {
      close();
      return;
    }

    const md = MD_HEADING.exec(line);
    const headingText = md ? md[2]! : line.trim();
    if (compact(headingText) === 'tableofcontents') {
      close();
      inToc = true;
      return;
    }
    if (inToc) {
      const entry = TOC_ENTRY.exec(line);
      if (entry) {
        toc.push({ kind: 'toc', raw: entry[1]!.trim(), line: lineNo, cells: [entry[1]!.trim(), entry[2]!] });
        return;
      }
      inToc = false;
    }

    if (md) {
      close();
      push({ kind: 'heading', headingStyle: 'markdown', mdLevel: md[1]!.length, raw: md[2]!, line: lineNo });
      return;
    }

    if (options.hasFootnoteMarkers && !line.includes('\t')) {
      const fn = FOOTNOTE_LINE.exec(line);
      if (fn && Number(fn[1]) === nextFootnote) {
        close();
        nextFootnote++;
        footnotes.push({ kind: 'footnote', number: Number(fn[1]), raw: fn[2]!.trim(), line: lineNo });
        return;
      }
    }

    if (line.includes('\t')) {
      close();
      push({ kind: 'table-row', raw: line, cells: line.split('\t'), line: lineNo });
      return;
    }

    const bullet = BULLET.exec(line);
    if (bullet) {
      close();
      push({ kind: 'list-item', raw: bullet[1]!, line: lineNo }, true);
      return;
    }

    const item = NUMBERED_ITEM.exec(line);
    if (item) {
      close();
      push({ kind: 'list-item', number: Number(item[1]), raw: item[2]!, line: lineNo }, true);
      return;
    }

    if (!options.hasFootnoteMarkers) {
      const numbered = NUMBERED_HEADING.exec(line);
      if (numbered && Number(numbered[1]) === nextNumberedHeading) {
        close();
        nextNumberedHeading++;
        push({ kind: 'heading', headingStyle: 'numbered', number: Number(numbered[1]), raw: numbered[2]!.trim(), line: lineNo });
        return;
      }
    }

    const cip = CIP_HEADING.exec(line);
    if (cip) {
      close();
      push({ kind: 'heading', headingStyle: 'cip', raw: cip[1]!, line: lineNo });
      return;
    }

    const group = GROUP_HEADING.exec(line);
    if (group && !open) {
      push({ kind: 'heading', headingStyle: 'flat-group', raw: group[1]!, line: lineNo });
      return;
    }

    const flat = FLAT_HEADING.exec(line);
    if (flat && !(open && open.kind === 'heading')) {
      close();
      // A flat heading may run on over the next line; it stays open for that.
      push({ kind: 'heading', headingStyle: 'flat', raw: flat[1]!.trim(), line: lineNo }, true);
      return;
    }

    if (!open && isCapsLine(line)) {
      push({ kind: 'heading', headingStyle: 'caps', raw: line.trim(), line: lineNo });
      return;
    }

    if (open) {
      open.raw = joinLine(open.raw, line, options.vocabulary);
      return;
    }
    push({ kind: 'paragraph', raw: line.trim(), line: lineNo }, true);
  });

  return { blocks, toc, footnotes };
}
