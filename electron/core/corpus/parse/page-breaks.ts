import type { ResolvedBlock } from './headings.js';
import { joinLine, type Vocabulary } from './hyphenation.js';
import { cleanInline } from './inline.js';
import { endsSentence, wordCount } from './text.js';

/**
 * Third pass: paragraphs the page layout cut in two are put back together. A block that stops
 * mid-sentence continues in the next paragraph-like block (footnotes and page furniture have
 * already been lifted out from between them); a short lead ending in a colon ("Supporting
 * Grassroots Trust-Building Projects:") belongs to the paragraph after it; a photo caption
 * that landed inside a sentence is moved after the sentence it interrupted.
 */

const CAPTION = /\([^()]*(?:\/|via |Images|Photo)[^()]*\)\s*$/;

function textOf(block: ResolvedBlock): string {
  return cleanInline(block.raw).text;
}

function isFlowing(block: ResolvedBlock | undefined): block is ResolvedBlock {
  return !!block && (block.kind === 'paragraph' || block.kind === 'list-item') && !block.backMatter;
}

function isContinuation(block: ResolvedBlock | undefined): block is ResolvedBlock {
  return !!block && block.kind === 'paragraph' && !block.backMatter;
}

function isCaption(block: ResolvedBlock | undefined): boolean {
  return !!block && block.kind === 'paragraph' && CAPTION.test(textOf(block));
}

/** An interview quote set in italics stands on its own. */
function isQuote(block: ResolvedBlock): boolean {
  return /^\*[“"]/.test(block.raw.trim());
}

function startsLowercase(block: ResolvedBlock): boolean {
  return /^\p{Ll}/u.test(textOf(block));
}

/** Whether `next` carries on the sentence (or the lead) that `block` left open. */
function continues(block: ResolvedBlock, next: ResolvedBlock): boolean {
  if (isQuote(block) || isQuote(next)) return false;
  const text = textOf(block).trimEnd();
  // "... Kosovo Security Force (KSF)" + "from participation ...": a bracket ends a sentence only now and then.
  if (/[)\]]$/.test(text)) return startsLowercase(next);
  if (!endsSentence(text)) return true;
  return text.endsWith(':') && wordCount(text) <= 15;
}

export function repairPageBreaks(blocks: ResolvedBlock[], vocabulary: Vocabulary): ResolvedBlock[] {
  const out: ResolvedBlock[] = [];
  const queue = blocks.map((b) => ({ ...b }));
  for (let i = 0; i < queue.length; i++) {
    const block = queue[i]!;
    if (isFlowing(block)) {
      for (;;) {
        const next = queue[i + 1];
        if (isContinuation(next) && !isCaption(next) && continues(block, next)) {
          block.raw = joinLine(block.raw, next.raw, vocabulary);
          queue.splice(i + 1, 1);
          continue;
        }
        // A caption set inside the sentence: the sentence goes on after it.
        const after = queue[i + 2];
        if (isCaption(next) && isContinuation(after) && !endsSentence(textOf(block)) && continues(block, after)) {
          block.raw = joinLine(block.raw, after.raw, vocabulary);
          queue.splice(i + 2, 1);
          continue;
        }
        break;
      }
    }
    out.push(block);
  }
  return out;
}
