import { WorkbenchError } from '../../api/errors.js';
import { formatClock } from './clock.js';
import type { TimedTranscript } from './cue-transcript.js';

/** Cue times are rounded by the tools that write them; this much past the end is not a mismatch. */
const END_TOLERANCE_S = 0.5;

/**
 * Checks a timed transcript against its recording. A passage that starts after the
 * recording ends means the two do not belong together (or the recording was cut): refused,
 * naming both lengths. A last cue that runs a little past the end is ended with the
 * recording, and the user told.
 */
export function fitToMedia(transcript: TimedTranscript, duration: number, names: { media: string; transcript: string }): TimedTranscript {
  const beyond = transcript.passages.filter((p) => p.start !== undefined && p.start >= duration + END_TOLERANCE_S);
  if (beyond.length > 0) {
    const last = Math.max(...transcript.passages.map((p) => p.end ?? 0));
    throw new WorkbenchError(
      'BAD_REQUEST',
      `“${names.transcript}” runs to ${formatClock(last)}, but “${names.media}” is only ${formatClock(duration)} long: ${beyond.length} passage${beyond.length === 1 ? ' starts' : 's start'} after the recording ends. ` +
        'They may not belong together, or the recording was cut short. Choose the recording this transcript was made from. Nothing was added to your library.',
      { duration, transcriptEnd: last },
    );
  }
  const overrun = transcript.passages.filter((p) => p.end !== undefined && p.end > duration + END_TOLERANCE_S);
  const warnings = [...transcript.warnings];
  if (overrun.length > 0) {
    warnings.push(`The last ${overrun.length === 1 ? 'passage runs' : `${overrun.length} passages run`} past the end of the recording (${formatClock(duration)}); ${overrun.length === 1 ? 'it now ends' : 'they now end'} with it.`);
  }
  const passages = transcript.passages.map((p) => (p.end !== undefined && p.end > duration ? { ...p, end: duration, start: Math.min(p.start ?? duration, duration) } : p));
  return { ...transcript, passages, warnings };
}
