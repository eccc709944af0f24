import type { ExtractedPassage } from '../types.js';
import { blocksFromMarkdown, blocksFromPlainText, type TextBlock } from './blocks.js';
import { isInterviewer, leadingTimestamp, matchTurn, type TurnStart } from './speaker-turns.js';

export interface TranscriptTurn {
  speaker: string;
  timestamp?: string;
  /** `order` of the passages this turn became. */
  passages: number[];
}

export interface ParsedTranscript {
  /** The first level-1 heading, if the file has one. */
  title?: string;
  speakers: string[];
  turns: TranscriptTurn[];
  passages: ExtractedPassage[];
}

export interface ParseTranscriptOptions {
  format: 'txt' | 'md';
}

export function parseTranscript(text: string, options: ParseTranscriptOptions): ParsedTranscript {
  const blocks = options.format === 'md' ? blocksFromMarkdown(text) : blocksFromPlainText(text);
  return parseTranscriptBlocks(blocks);
}

/**
 * A passage is what search shows, a reader highlights and a citation points at: a "paragraph"
 * of a whole file (text without blank lines) is cut at sentence ends into pieces of about
 * this size, so that no passage is too long to show or to search quickly.
 */
export const MAX_PASSAGE_CHARS = 4000;

export function splitLongText(text: string, max = MAX_PASSAGE_CHARS): string[] {
  if (text === '') return [];
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    // The last sentence end in the window's second half, else the last space, else a hard cut.
    const sentence = window.slice(max / 2).search(/[.!?…][”"’)]?\s(?=[^.!?…]*$)/u);
    const cut = sentence >= 0 ? max / 2 + sentence + 1 : window.lastIndexOf(' ') > max / 2 ? window.lastIndexOf(' ') : max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

const FIELD_LINE = /^[\p{L}][\p{L}' ]{1,30}:\s+\S/u;

/** Single-letter labels and interviewer labels count at once; a name must open two turns. */
const ALWAYS_A_SPEAKER = /^(q|a|i|r|p\d*|r\d*|interviewer|interviewee|respondent|moderator|participant)$/i;

/**
 * Speaker turns over text blocks. A turn runs until the next speaker label, a heading or
 * a horizontal break followed by unlabelled text; a blank line inside a turn starts a new
 * passage by the same speaker. A label counts as a speaker only if it opens at least two
 * lines (or is a conventional one like "Q" or "Interviewer"), so "Note: …" or "Kosovo
 * Police: …" in the prose does not invent a speaker.
 */
export function parseTranscriptBlocks(blocks: TextBlock[]): ParsedTranscript {
  const labelCounts = new Map<string, number>();
  const styleCounts = new Map<TurnStart['style'], number>();
  for (const block of blocks) {
    if (block.kind !== 'line') continue;
    const turn = matchTurn(block.text);
    if (!turn) continue;
    labelCounts.set(turn.speaker, (labelCounts.get(turn.speaker) ?? 0) + 1);
    styleCounts.set(turn.style, (styleCounts.get(turn.style) ?? 0) + 1);
  }
  // A speaker who talks once still counts when the file marks turns in an unmistakable
  // way ("[Name]", "Name (00:12):") throughout.
  const isSpeaker = (turn: TurnStart) =>
    ALWAYS_A_SPEAKER.test(turn.speaker) ||
    (labelCounts.get(turn.speaker) ?? 0) >= 2 ||
    (turn.style !== 'colon' && (styleCounts.get(turn.style) ?? 0) >= 3);

  const passages: ExtractedPassage[] = [];
  const turns: TranscriptTurn[] = [];
  const sections: { level: number; title: string }[] = [];
  let title: string | undefined;
  let current: TranscriptTurn | undefined;
  let buffer: string[] = [];

  const flush = () => {
    const joined = buffer.join(' ').replace(/\s+/g, ' ').trim();
    buffer = [];
    for (const text of splitLongText(joined)) {
      const order = passages.length;
      passages.push({
        kind: 'paragraph',
        text,
        page: 1,
        sectionPath: sections.map((s) => s.title),
        order,
        footnoteRefs: [],
        ...(current ? { speaker: current.speaker } : {}),
      });
      current?.passages.push(order);
    }
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      flush();
      current = undefined;
      // The document's own title (a first level-1 heading) names the document, not a section.
      const isTitle = block.level === 1 && title === undefined && passages.length === 0;
      if (isTitle) title = block.text;
      else while (sections.length > 0 && sections.at(-1)!.level >= block.level) sections.pop();
      passages.push({ kind: 'heading', text: block.text, level: block.level, page: 1, sectionPath: sections.map((s) => s.title), order: passages.length, footnoteRefs: [] });
      if (!isTitle) sections.push({ level: block.level, title: block.text });
      continue;
    }
    if (block.kind === 'break') {
      flush();
      if (block.endsTurn) current = undefined;
      continue;
    }
    const turn = matchTurn(block.text);
    if (turn && isSpeaker(turn)) {
      flush();
      current = { speaker: turn.speaker, ...(turn.timestamp ? { timestamp: turn.timestamp } : {}), passages: [] };
      turns.push(current);
      if (turn.rest) buffer.push(turn.rest);
    } else if (!current && FIELD_LINE.test(block.text)) {
      // Header lines of a transcript ("Date: …", "Location: …") are passages of their own.
      flush();
      buffer.push(block.text);
      flush();
    } else {
      // Timestamps on continuation lines mark time, not content.
      buffer.push(leadingTimestamp(block.text).rest);
    }
  }
  flush();

  // Interviewer turns stay paragraphs; the answers are the quotes researchers code.
  const speakers = [...new Set(turns.map((t) => t.speaker))];
  for (const speaker of speakers) {
    const own = passages.filter((p) => p.speaker === speaker);
    const questionShare = own.filter((p) => p.text.endsWith('?')).length / Math.max(1, own.length);
    const interviewer = isInterviewer(speaker, questionShare) && !/^(a|r\d*|respondent|interviewee|participant|p\d*)$/i.test(speaker);
    if (!interviewer) for (const p of own) p.kind = 'quote';
  }
  return { ...(title ? { title } : {}), speakers, turns, passages };
}
