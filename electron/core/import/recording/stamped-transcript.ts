import { decodeTextOrRefuse } from '../file-format.js';
import { docxMetadata, readDocxCoreProperties, splitFrontMatter, textMetadata } from '../metadata/index.js';
import type { ImportedMetadata } from '../metadata/types.js';
import { blocksFromDocx } from '../transcript/docx-blocks.js';
import { parseTranscript, parseTranscriptBlocks, type ParsedTranscript } from '../transcript/parse-transcript.js';
import { parseClock } from './clock.js';
import type { TimedTranscript } from './cue-transcript.js';

/** A text, Markdown or Word transcript with the metadata it gives about itself. */
export async function readTextTranscript(bytes: Uint8Array, format: 'txt' | 'md' | 'docx', fileName: string): Promise<{ parsed: ParsedTranscript; metadata: ImportedMetadata }> {
  if (format === 'docx') {
    const parsed = parseTranscriptBlocks(await blocksFromDocx(bytes, fileName));
    return { parsed, metadata: docxMetadata(await readDocxCoreProperties(bytes), parsed.title, fileName) };
  }
  const frontMatter = splitFrontMatter(decodeTextOrRefuse(bytes, fileName));
  const parsed = parseTranscript(frontMatter.body, { format });
  return { parsed, metadata: textMetadata(frontMatter.data, parsed.title, fileName) };
}

/**
 * Times for a transcript whose turns carry stamps (`[00:01:05] Name: …`, `Name (01:05): …`,
 * oTranscribe's `(01:05)`): a turn runs from its stamp to the next stamped turn's (the last
 * to the end of the recording), and a turn of several passages shares its span among them
 * by their length. Turns without a stamp stay untimed, and the user is told how many.
 */
export function timeStampedTurns(parsed: ParsedTranscript, duration: number, fileName: string): TimedTranscript {
  const passages = parsed.passages.map((p) => ({ ...p }));
  const stamped = parsed.turns.flatMap((turn) => {
    const start = turn.timestamp === undefined ? undefined : parseClock(turn.timestamp);
    return start === undefined ? [] : [{ turn, start }];
  });
  const warnings: string[] = [];
  const untimed = parsed.turns.length - stamped.length;
  if (parsed.turns.length > 0 && stamped.length === 0) {
    warnings.push(`“${fileName}” has no timestamps ([hh:mm:ss] or (mm:ss) before the turns), so its passages are not linked to times in the recording.`);
  } else if (untimed > 0) {
    warnings.push(`${untimed} turn${untimed === 1 ? ' has' : 's have'} no timestamp in “${fileName}” and ${untimed === 1 ? 'is' : 'are'} not linked to a time in the recording.`);
  }
  const backwards = stamped.filter((s, i) => i > 0 && s.start < stamped[i - 1]!.start);
  if (backwards.length > 0) {
    warnings.push(`${backwards.length} timestamp${backwards.length === 1 ? ' goes' : 's go'} back in time in “${fileName}” (first: ${backwards[0]!.turn.timestamp}); those turns end where they start.`);
  }
  stamped.forEach(({ turn, start }, i) => {
    const next = stamped[i + 1];
    const end = Math.max(start, next ? next.start : duration);
    const own = turn.passages.map((order) => passages[order]!);
    const total = own.reduce((sum, p) => sum + p.text.length, 0);
    let at = start;
    for (const passage of own) {
      const to = passage === own.at(-1) ? end : at + ((end - start) * passage.text.length) / Math.max(1, total);
      passage.start = at;
      passage.end = to;
      at = to;
    }
  });
  return { passages, speakers: parsed.speakers, warnings };
}
