import { z } from 'zod';
import { isRevision } from './revisions';

/**
 * One line of a collection's journal (`<collection>.journal`, JSON Lines): one change to one
 * record. A change made here names its `parent`; one received from elsewhere (sync,
 * exchange) carries its whole ancestry in `revisions`. A change that touched several
 * records has consecutive sequence numbers; each of its lines says where they start (`tx`)
 * and how many there are (`txn`, over all journals). It is applied only when all of its
 * lines are there, or the missing ones were folded into a snapshot by a compaction.
 *
 *   {"seq":42,"id":"ann-…","rev":"3-9f…","parent":"2-1c…","author":"amina-3f2a","at":"2026-12-04T10:00:00.000Z","op":"put","record":{…}}
 */
export const JournalLineSchema = z.object({
  seq: z.number().int().positive(),
  id: z.string().min(1),
  rev: z.string().refine(isRevision, 'not a revision'),
  parent: z.string().refine(isRevision, 'not a revision').optional(),
  revisions: z.array(z.string().refine(isRevision, 'not a revision')).min(1).optional(),
  author: z.string(),
  at: z.string(),
  op: z.enum(['put', 'delete']),
  record: z.unknown().optional(),
  tx: z.number().int().positive().optional(),
  txn: z.number().int().min(2).optional(),
});
export type JournalLine = z.infer<typeof JournalLineSchema>;

/** The ancestry a line stands for. */
export function lineAncestry(line: JournalLine): string[] {
  return line.revisions ?? (line.parent ? [line.rev, line.parent] : [line.rev]);
}

/** A parsed line and where it lies in the file (to cut it out if its change is incomplete). */
export interface PlacedLine {
  line: JournalLine;
  start: number;
  end: number;
}

export interface ParsedJournal {
  lines: PlacedLine[];
  /** Bytes of complete lines read (the offset to continue from). */
  consumed: number;
  /** Complete lines that are not valid JSON or not journal lines, with their byte ranges. */
  damaged: Array<{ start: number; end: number; text: string }>;
  /** A last line without its newline: being written right now, or torn by a crash. */
  partialTail?: { start: number; text: string };
}

/**
 * Splits journal bytes into lines. `baseOffset` is where `bytes` start in the file, so the
 * ranges reported are file offsets.
 */
export function parseJournal(bytes: Buffer, baseOffset = 0): ParsedJournal {
  const lines: PlacedLine[] = [];
  const damaged: ParsedJournal['damaged'] = [];
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    if (newline === -1) {
      return { lines, damaged, consumed: baseOffset + start, partialTail: { start: baseOffset + start, text: bytes.subarray(start).toString('utf8') } };
    }
    const text = bytes.subarray(start, newline).toString('utf8');
    if (text.trim()) {
      const line = parseLine(text);
      if (line) lines.push({ line, start: baseOffset + start, end: baseOffset + newline + 1 });
      else damaged.push({ start: baseOffset + start, end: baseOffset + newline + 1, text });
    }
    start = newline + 1;
  }
  return { lines, damaged, consumed: baseOffset + start };
}

function parseLine(text: string): JournalLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = JournalLineSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function serializeLines(lines: readonly JournalLine[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}
