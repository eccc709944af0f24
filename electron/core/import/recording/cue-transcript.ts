import { WorkbenchError } from '../../api/errors.js';
import { isInterviewer, matchTurn } from '../transcript/speaker-turns.js';
import type { ExtractedPassage } from '../types.js';
import { formatClock, parseClock } from './clock.js';

/** A transcript whose passages are timed: each has `start` and `end` in seconds. */
export interface TimedTranscript {
  passages: ExtractedPassage[];
  speakers: string[];
  /** What was odd but kept (overlapping cues, cues out of order), in words for the user. */
  warnings: string[];
}

interface Cue {
  start: number;
  end: number;
  text: string;
}

const TIMING_LINE = /^\s*(\S+)\s+-->\s+(\S+)/;

/**
 * Cues whose end comes before their start. The parser (media-captions) drops such cues
 * without a word, which would silently lose what was said, so the file is checked first.
 */
function backwardCues(text: string): string[] {
  const found: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const match = TIMING_LINE.exec(line);
    if (!match) return;
    const start = parseClock(match[1]!);
    const end = parseClock(match[2]!);
    if (start !== undefined && end !== undefined && end < start) found.push(`line ${index + 1} (${match[1]} --> ${match[2]})`);
  });
  return found;
}

async function parseCues(text: string, type: 'vtt' | 'srt', fileName: string): Promise<Cue[]> {
  const backwards = backwardCues(text);
  if (backwards.length > 0) {
    throw new WorkbenchError(
      'CORRUPT',
      `“${fileName}” has ${backwards.length} cue${backwards.length === 1 ? '' : 's'} that end${backwards.length === 1 ? 's' : ''} before ${backwards.length === 1 ? 'it starts' : 'they start'}: ${backwards.slice(0, 3).join('; ')}${backwards.length > 3 ? '; …' : ''}. Correct the times in the file (a subtitle editor such as Aegisub or Subtitle Edit shows them) and import it again. Nothing was added to your library.`,
      { fileName },
    );
  }
  const { parseText } = await import('media-captions');
  // The BOM would hide the WEBVTT signature from the parser.
  const result = await parseText(text.replace(/^\uFEFF/, ''), { type, errors: true });
  if (result.errors.length > 0) {
    const first = result.errors.slice(0, 3).map((e) => e.message).join('; ');
    throw new WorkbenchError(
      'CORRUPT',
      `“${fileName}” is not a valid ${type === 'vtt' ? 'WebVTT' : 'SubRip (SRT)'} file: ${first}${result.errors.length > 3 ? ` (and ${result.errors.length - 3} more)` : ''}. Correct the file and import it again. Nothing was added to your library.`,
      { fileName },
    );
  }
  if (result.cues.length === 0) {
    throw new WorkbenchError('CORRUPT', `“${fileName}” holds no cues (no “00:00:01.000 --> 00:00:04.000” times with text). Is it the right file?`, { fileName });
  }
  return result.cues.map((cue) => ({ start: cue.startTime, end: cue.endTime, text: cue.text }));
}

const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]+)>/;

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&lrm;|&rlm;/g, '');
}

/** A line of a cue: who speaks (a WebVTT voice tag, or an SRT-style `Name:` label) and what. */
function speakerLine(line: string, type: 'vtt' | 'srt'): { speaker?: string; text: string } {
  const voice = VOICE.exec(line);
  const plain = decodeEntities(line.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  if (voice) return { speaker: voice[1]!.trim(), text: plain };
  // Neither format forbids a typed label; both are common in exported transcripts.
  const turn = type === 'srt' || !plain.startsWith('-') ? matchTurn(plain) : undefined;
  return turn && turn.rest ? { speaker: turn.speaker, text: turn.rest } : { text: plain.replace(/^-\s*/, '') };
}

/**
 * A WebVTT or SRT transcript as passages: one passage per cue (and per speaker when a cue
 * holds several voices, each given its share of the cue's time by its length). A cue with
 * no speaker continues the previous speaker's turn, as transcripts are written.
 */
export async function parseCueTranscript(text: string, type: 'vtt' | 'srt', fileName: string): Promise<TimedTranscript> {
  const cues = await parseCues(text, type, fileName);
  const warnings: string[] = [];
  const outOfOrder = cues.filter((cue, i) => i > 0 && cue.start < cues[i - 1]!.start).length;
  if (outOfOrder > 0) {
    cues.sort((a, b) => a.start - b.start || a.end - b.end);
    warnings.push(`${outOfOrder} cue${outOfOrder === 1 ? ' was' : 's were'} out of time order in “${fileName}” and ${outOfOrder === 1 ? 'was' : 'were'} put in order.`);
  }
  const overlaps = cues.filter((cue, i) => i > 0 && cue.start < cues[i - 1]!.end - 0.001);
  if (overlaps.length > 0) {
    warnings.push(
      `${overlaps.length} cue${overlaps.length === 1 ? ' starts' : 's start'} before the one before ${overlaps.length === 1 ? 'it' : 'them'} ends (first at ${formatClock(overlaps[0]!.start)}); kept as written, as when people talk over each other.`,
    );
  }
  const passages: ExtractedPassage[] = [];
  let speaker: string | undefined;
  for (const cue of cues) {
    const lines = cue.text.split(/\r\n|\r|\n/).map((line) => speakerLine(line, type)).filter((line) => line.text !== '');
    // Lines by the same speaker (or unlabelled) join; a new voice starts a new passage.
    const parts: Array<{ speaker?: string; text: string }> = [];
    for (const line of lines) {
      const last = parts.at(-1);
      if (last && (line.speaker === undefined || line.speaker === last.speaker)) last.text += ` ${line.text}`;
      else parts.push({ ...line });
    }
    const total = parts.reduce((sum, part) => sum + part.text.length, 0);
    let at = cue.start;
    for (const part of parts) {
      speaker = part.speaker ?? speaker;
      const end = part === parts.at(-1) ? cue.end : at + ((cue.end - cue.start) * part.text.length) / Math.max(1, total);
      passages.push({ kind: 'paragraph', text: part.text, page: 1, sectionPath: [], order: passages.length, footnoteRefs: [], start: at, end, ...(speaker ? { speaker } : {}) });
      at = end;
    }
  }
  return { passages: markAnswers(passages), speakers: [...new Set(passages.flatMap((p) => (p.speaker ? [p.speaker] : [])))], warnings };
}

/** As for text transcripts: the interviewer's turns stay paragraphs, the answers are quotes. */
export function markAnswers(passages: ExtractedPassage[]): ExtractedPassage[] {
  const speakers = new Set(passages.flatMap((p) => (p.speaker ? [p.speaker] : [])));
  for (const speaker of speakers) {
    const own = passages.filter((p) => p.speaker === speaker);
    const questionShare = own.filter((p) => p.text.endsWith('?')).length / Math.max(1, own.length);
    if (!isInterviewer(speaker, questionShare)) for (const p of own) p.kind = 'quote';
  }
  return passages;
}
