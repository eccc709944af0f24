import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCores } from '../../helpers/core';
import { interviewSrt, interviewStampedText, interviewVtt, type SpokenInterview, useSpokenInterview } from '../../helpers/spoken-interview';
import { useTempDirs } from '../../helpers/temp-dir';
import { call, cli, documentFolders, failure } from '../import-api/support';

const openCore = useCores();
const tempDir = useTempDirs();
let spoken: SpokenInterview;
let files: string;

useSpokenInterview('interview', (made) => {
  ({ spoken, files } = made);
});

async function write(name: string, text: string): Promise<string> {
  const file = path.join(files, name);
  await fs.writeFile(file, text);
  return file;
}

/** Cue times are written to the millisecond. */
const closeTo = (actual: number | undefined, expected: number, within = 0.002) => expect(Math.abs((actual ?? NaN) - expected)).toBeLessThanOrEqual(within);

describe('importing a recording with its transcript', () => {
  it('keeps each WebVTT cue’s times and voice, the recording’s length, and a copy of the media', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const transcript = await write('interview.vtt', interviewVtt(spoken.turns));
    const result = await call(core, 'import.file', { path: spoken.ogg, transcript });
    expect(result).toMatchObject({ status: 'imported', passages: spoken.turns.length });
    expect(result.warnings).toBeUndefined();
    closeTo(result.duration, spoken.duration, 0.05);

    const passages = await call(core, 'corpus.passages', { docId: result.documentId });
    expect(passages.map((p: { speaker: string }) => p.speaker)).toEqual(spoken.turns.map((t) => t.speaker));
    expect(passages.map((p: { text: string }) => p.text)).toEqual(spoken.turns.map((t) => t.text));
    passages.forEach((p: { start: number; end: number }, i: number) => {
      closeTo(p.start, spoken.turns[i]!.start);
      closeTo(p.end, spoken.turns[i]!.end);
    });
    // The answers are the quotes researchers code; the questions stay paragraphs.
    expect(passages.map((p: { kind: string }) => p.kind)).toEqual(['paragraph', 'quote', 'paragraph', 'quote']);

    const document = await call(core, 'corpus.document', { docId: result.documentId });
    expect(document.media).toMatchObject({ file: 'media.ogg', mimeType: 'audio/ogg', video: false, transcriptFile: 'transcript.vtt' });
    expect(document.media.codec).toMatch(/vorbis/i);
    expect(document.mediaUrl).toBe(`/workspace/documents/${result.documentId}/media.ogg`);
    const kept = path.join(workspace, 'documents', result.documentId, 'media.ogg');
    expect(await fs.readFile(kept)).toEqual(await fs.readFile(spoken.ogg));
  });

  it('reads SRT with Name: labels, and a WAV’s length as sox measures it', async () => {
    const core = await openCore(await tempDir());
    const transcript = await write('interview.srt', interviewSrt(spoken.turns));
    const result = await call(core, 'import.file', { path: spoken.wav, transcript });
    closeTo(result.duration, spoken.duration, 0.01);
    const passages = await call(core, 'corpus.passages', { docId: result.documentId });
    expect(passages.map((p: { speaker: string; text: string }) => [p.speaker, p.text])).toEqual(spoken.turns.map((t) => [t.speaker, t.text]));
    passages.forEach((p: { start: number; end: number }, i: number) => {
      closeTo(p.start, spoken.turns[i]!.start);
      closeTo(p.end, spoken.turns[i]!.end);
    });
  });

  it('times a stamped text transcript from turn to turn, the last turn to the end of the recording', async () => {
    const core = await openCore(await tempDir());
    const transcript = await write('interview.txt', interviewStampedText(spoken.turns));
    const media = spoken.mp3 ?? spoken.ogg;
    const result = await call(core, 'import.file', { path: media, transcript });
    const passages = await call(core, 'corpus.passages', { docId: result.documentId });
    const starts = spoken.turns.map((t) => Math.floor(t.start));
    expect(passages.map((p: { speaker: string }) => p.speaker)).toEqual(spoken.turns.map((t) => t.speaker));
    expect(passages.map((p: { start: number }) => p.start)).toEqual(starts);
    expect(passages.slice(0, -1).map((p: { end: number }) => p.end)).toEqual(starts.slice(1));
    closeTo(passages.at(-1).end, result.duration, 0.001);
    // An MP3's frames round its length up a little; it is still the recording's own.
    closeTo(result.duration, spoken.duration, 0.1);
  });

  it('reads (mm:ss) stamps before Name: turns, and a turn of two paragraphs shares its span by their length', async () => {
    const core = await openCore(await tempDir());
    const mmss = (seconds: number) => `(${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(Math.floor(seconds % 60)).padStart(2, '0')})`;
    const [q1, a1, q2, a2] = spoken.turns;
    const text = [
      `${mmss(q1!.start)} ${q1!.speaker}: ${q1!.text}`,
      `${mmss(a1!.start)} ${a1!.speaker}: Since two thousand and four.`,
      'The bridge still divides us.',
      `${mmss(q2!.start)} ${q2!.speaker}: ${q2!.text}`,
      `${mmss(a2!.start)} ${a2!.speaker}: ${a2!.text}`,
    ].join('\n\n');
    const transcript = await write('otranscribe.md', text);
    const result = await call(core, 'import.file', { path: spoken.wav, transcript });
    const passages = await call(core, 'corpus.passages', { docId: result.documentId });
    expect(passages.map((p: { speaker: string; text: string }) => `${p.speaker}: ${p.text}`)).toEqual([
      `${q1!.speaker}: ${q1!.text}`,
      `${a1!.speaker}: Since two thousand and four.`,
      `${a1!.speaker}: The bridge still divides us.`,
      `${q2!.speaker}: ${q2!.text}`,
      `${a2!.speaker}: ${a2!.text}`,
    ]);
    const [first, second] = [passages[1], passages[2]];
    expect(first.start).toBe(Math.floor(a1!.start));
    expect(first.end).toBe(second.start);
    expect(second.end).toBe(Math.floor(q2!.start));
    // Shares by length: "Since two thousand and four." (28) and "The bridge still divides us." (28).
    expect(first.end - first.start).toBeCloseTo(second.end - second.start, 6);
  });

  it('imports a recording alone with an empty transcript, and takes its transcript later, once', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const alone = await call(core, 'import.file', { path: spoken.wav });
    expect(alone).toMatchObject({ status: 'imported', passages: 0 });
    expect(await call(core, 'corpus.passages', { docId: alone.documentId })).toEqual([]);
    const transcript = await write('later.vtt', interviewVtt(spoken.turns));
    const added = await call(core, 'import.addTranscript', { docId: alone.documentId, path: transcript });
    expect(added.passages).toBe(spoken.turns.length);
    const passages = await call(core, 'corpus.passages', { docId: alone.documentId });
    closeTo(passages[1].start, spoken.turns[1]!.start);
    const hits = await call(core, 'search.query', { query: 'bridge divides' });
    expect(JSON.stringify(hits)).toContain(alone.documentId);

    const again = await failure(core, 'import.addTranscript', { docId: alone.documentId, path: transcript });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('already has a transcript');
  });

  it('is reached from the CLI as workbench import FILE --transcript FILE', async () => {
    const workspace = await tempDir();
    const transcript = await write('cli.vtt', interviewVtt(spoken.turns));
    const run = await cli(workspace, 'import', spoken.ogg, '--transcript', transcript);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ status: 'imported', passages: spoken.turns.length, warnings: [] });
    closeTo(run.json.duration, spoken.duration, 0.05);
  });
});

describe('bad recordings and transcripts change nothing', () => {
  async function refused(args: Record<string, unknown>): Promise<{ code: string; message: string }> {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const error = await failure(core, 'import.file', args);
    expect(await documentFolders(workspace)).toEqual([]);
    expect(await call(core, 'corpus.documents', {})).not.toContainEqual(expect.objectContaining({ origin: 'imported-transcript' }));
    return error;
  }

  it('refuses a transcript that runs past the end of the recording', async () => {
    const later = spoken.turns.map((t) => ({ ...t, start: t.start + spoken.duration, end: t.end + spoken.duration }));
    const error = await refused({ path: spoken.wav, transcript: await write('long.vtt', interviewVtt([...spoken.turns, ...later])) });
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/only 00:0\d long/);
  });

  it('refuses a cue that ends before it starts, naming its line', async () => {
    const turns = spoken.turns.map((t, i) => (i === 2 ? { ...t, start: t.end, end: t.start } : t));
    const error = await refused({ path: spoken.wav, transcript: await write('backwards.vtt', interviewVtt(turns)) });
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain('line 9');
  });

  it('keeps overlapping cues, with a warning', async () => {
    const core = await openCore(await tempDir());
    const turns = spoken.turns.map((t, i) => (i === 1 ? { ...t, start: t.start - 0.5 } : t));
    const result = await call(core, 'import.file', { path: spoken.wav, transcript: await write('overlap.vtt', interviewVtt(turns)) });
    expect(result.passages).toBe(spoken.turns.length);
    expect(result.warnings.join(' ')).toContain('1 cue starts before the one before it ends');
  });

  it('refuses a file named like a recording that is not one', async () => {
    const error = await refused({ path: await write('notes.mp3', 'These are my notes, not a recording.') });
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain('is not audio or video');
  });

  it('refuses an empty recording, a folder named like one, and one that is gone, saying what to do', async () => {
    const empty = await refused({ path: await write('empty.m4a', '') });
    expect(empty).toMatchObject({ code: 'CORRUPT', message: expect.stringContaining('is empty (0 bytes). It may not have finished copying from the recorder.') });
    const folder = path.join(files, 'session.wav');
    await fs.mkdir(folder, { recursive: true });
    expect(await refused({ path: folder })).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('is a folder, not a file. Choose a recording inside it.') });
    expect(await refused({ path: path.join(files, 'gone.ogg') })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('could not be found') });
  });

  it('refuses a codec the player cannot play, saying how to convert it', async () => {
    const adpcm = path.join(files, 'adpcm.wav');
    const { execFileSync } = await import('node:child_process');
    execFileSync('sox', [spoken.wav, '-e', 'ima-adpcm', adpcm]);
    const error = await refused({ path: adpcm });
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toContain('ADPCM');
    expect(error.message).toContain('Convert it');
  });

  it('refuses a transcript given with a file that is not a recording', async () => {
    const text = await write('plain.txt', 'Interviewer: Hello?\n\nAmina: Hi.');
    const error = await refused({ path: text, transcript: text });
    expect(error.code).toBe('BAD_REQUEST');
  });
});
