import type { ImportSource } from './import-job';

const MEDIA = /\.(wav|mp3|m4a|ogg|oga|opus|webm|mp4)$/i;
const TRANSCRIPT = /\.(vtt|srt|txt|md|markdown|docx)$/i;

/** A file's name without folder and extension, as pairing compares them: `Interview 3`. */
function baseName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).replace(/\.[^.]+$/, '').toLowerCase();
}

function nameOf(source: ImportSource): string {
  return source.kind === 'file' ? source.file.name : source.path;
}

export function isRecordingName(name: string): boolean {
  return MEDIA.test(name);
}

/**
 * Files chosen or dropped together: a recording and a transcript with the same base name
 * (`interview-3.ogg` and `interview-3.vtt`) become one import, the recording with its
 * transcript. Everything else goes on as it came. With two transcripts for one recording
 * (a .vtt and a .txt), the timed formats are preferred and the other is imported on its own.
 */
export function pairRecordings(sources: ImportSource[]): ImportSource[] {
  const transcripts = new Map<string, ImportSource[]>();
  for (const source of sources) {
    if (!TRANSCRIPT.test(nameOf(source))) continue;
    const key = baseName(nameOf(source));
    transcripts.set(key, [...(transcripts.get(key) ?? []), source]);
  }
  const taken = new Set<ImportSource>();
  const paired = sources.map((source): ImportSource => {
    if (!MEDIA.test(nameOf(source))) return source;
    const candidates = (transcripts.get(baseName(nameOf(source))) ?? []).filter((candidate) => candidate.kind === source.kind && !taken.has(candidate));
    const best = candidates.find((candidate) => /\.(vtt|srt)$/i.test(nameOf(candidate))) ?? candidates[0];
    if (!best) return source;
    taken.add(best);
    return source.kind === 'file' && best.kind === 'file' ? { ...source, transcript: best.file } : source.kind === 'path' && best.kind === 'path' ? { ...source, transcript: best.path } : source;
  });
  return paired.filter((source) => !taken.has(source));
}
