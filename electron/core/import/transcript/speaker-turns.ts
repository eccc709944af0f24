/**
 * Recognises who is speaking at the start of a transcript line:
 *   `Name: text`, `[Name] text`, `Q: …` / `A: …`,
 * each optionally with a timestamp before or after the name (or right after the colon): `[00:12:31]`, `00:12`,
 * `(12:31)`. A timestamp alone at the start of a line is taken off too.
 */
export interface TurnStart {
  speaker: string;
  timestamp?: string;
  rest: string;
  /**
   * How the label was written. Bracketed and time-stamped labels are unmistakable;
   * a bare `Word:` could also open an ordinary sentence.
   */
  style: 'bracket' | 'stamped' | 'colon';
}

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const STAMP = String.raw`(?:\[(${TIME})\]|\((${TIME})\)|(${TIME}))`;
// A name: one to four words starting with a capital (Unicode), or initials such as "Q", "A", "R1".
const NAME = String.raw`(\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\d+)){0,3}|\p{Lu}\d*)`;

const LEADING_STAMP = new RegExp(String.raw`^${STAMP}\s*[-–—]?\s*`, 'u');
const COLON_TURN = new RegExp(String.raw`^${NAME}\s*(?:${STAMP})?\s*:\s*(.*)$`, 'u');
const BRACKET_TURN = new RegExp(String.raw`^\[${NAME}\]\s*(?:${STAMP})?\s*:?\s*(.*)$`, 'u');

/** Bracketed notes that are not speakers. */
const NOT_SPEAKERS = /^(inaudible|crosstalk|laughs?|laughter|pause|silence|unclear|overlap|applause|end|start|note|notes|translation|translator'?s note|redacted|sic)$/i;
/** Labels that open a line but are not people ("Note:", "Date:", "Location:"). */
const FORM_FIELDS = /^(note|notes|date|time|location|place|duration|interviewer notes|transcribed by|transcript|recording|file|topic|subject|project|language|consent|summary|context|keywords?|tags?|source|see|re|ps|nb|url|http|https)$/i;

export function leadingTimestamp(line: string): { timestamp?: string; rest: string } {
  const match = LEADING_STAMP.exec(line);
  if (!match) return { rest: line };
  return { timestamp: match[1] ?? match[2] ?? match[3], rest: line.slice(match[0].length) };
}

export function matchTurn(line: string): TurnStart | undefined {
  const { timestamp: before, rest: afterStamp } = leadingTimestamp(line);
  const bracket = BRACKET_TURN.exec(afterStamp);
  const colon = bracket ? undefined : COLON_TURN.exec(afterStamp);
  const match = bracket ?? colon;
  if (!match) return undefined;
  const speaker = match[1]!.trim();
  if (NOT_SPEAKERS.test(speaker) || FORM_FIELDS.test(speaker)) return undefined;
  // "Kosovo Police: a force…" inside prose is rare, but "Q" and "A" are common labels;
  // names of more than four words or ending in a period are sentences, not labels.
  if (speaker.length > 40) return undefined;
  // The time may also follow the label: "Q: (00:40) Why…".
  const after = leadingTimestamp((match[5] ?? '').trim());
  const timestamp = before ?? match[2] ?? match[3] ?? match[4] ?? after.timestamp;
  const style = bracket ? 'bracket' : timestamp ? 'stamped' : 'colon';
  return { speaker, ...(timestamp ? { timestamp } : {}), rest: after.rest.trim(), style };
}

const INTERVIEWER = /^(q|i|int|interviewer|moderator|facilitator|researcher)\b/i;

/** Interviewer turns become paragraphs; what the people interviewed say becomes quotes. */
export function isInterviewer(speaker: string, questionShare: number): boolean {
  return INTERVIEWER.test(speaker) || questionShare > 0.6;
}
