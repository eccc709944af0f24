import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';

const run = promisify(execFile);

/** A scripted two-speaker interview: each turn is spoken by espeak-ng in its speaker's voice. */
export const interviewScript = [
  { speaker: 'Interviewer', voice: 'en', text: 'How long have you lived in Mitrovica?' },
  { speaker: 'Amina Berisha', voice: 'en+f3', text: 'Since two thousand and four. The bridge still divides us.' },
  { speaker: 'Interviewer', voice: 'en', text: 'Do you trust the police?' },
  { speaker: 'Amina Berisha', voice: 'en+f3', text: 'More than before, but not in the north.' },
] as const;

export interface SpokenTurn {
  speaker: string;
  text: string;
  /** Seconds, measured by soxi on the spoken turn, not guessed. */
  start: number;
  end: number;
}

export interface SpokenInterview {
  dir: string;
  wav: string;
  ogg: string;
  /** Present when this sox build writes MP3 (libsox-fmt-mp3). */
  mp3?: string;
  /** `soxi -D` of the whole recording. */
  duration: number;
  turns: SpokenTurn[];
}

export async function soxDuration(file: string): Promise<number> {
  const { stdout } = await run('soxi', ['-D', file]);
  return Number(stdout.trim());
}

/**
 * Speaks the script to WAV with espeak-ng (one file per turn), joins the turns with sox,
 * converts to Ogg Vorbis (and MP3 where sox can), and records where each turn starts and
 * ends from the turns' own lengths. A few seconds of sound, made in the test's folder.
 */
export async function speakInterview(dir: string): Promise<SpokenInterview> {
  const parts: string[] = [];
  const turns: SpokenTurn[] = [];
  let at = 0;
  for (const [index, turn] of interviewScript.entries()) {
    const file = path.join(dir, `turn-${index}.wav`);
    await run('espeak-ng', ['-v', turn.voice, '-w', file, turn.text]);
    const length = await soxDuration(file);
    turns.push({ speaker: turn.speaker, text: turn.text, start: at, end: at + length });
    at += length;
    parts.push(file);
  }
  const wav = path.join(dir, 'interview.wav');
  await run('sox', [...parts, wav]);
  const ogg = path.join(dir, 'interview.ogg');
  await run('sox', [wav, ogg]);
  const mp3 = path.join(dir, 'interview.mp3');
  const hasMp3 = await run('sox', [wav, mp3]).then(
    () => true,
    () => false,
  );
  await Promise.all(parts.map((part) => fs.rm(part)));
  return { dir, wav, ogg, ...(hasMp3 ? { mp3 } : {}), duration: await soxDuration(wav), turns };
}

function clock(seconds: number, separator: '.' | ','): string {
  const ms = Math.round(seconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(ms / 3_600_000))}:${two(Math.floor(ms / 60_000) % 60)}:${two(Math.floor(ms / 1000) % 60)}${separator}${String(ms % 1000).padStart(3, '0')}`;
}

/** The interview as WebVTT with voice tags. */
export function interviewVtt(turns: SpokenTurn[]): string {
  return ['WEBVTT', '', ...turns.flatMap((t) => [`${clock(t.start, '.')} --> ${clock(t.end, '.')}`, `<v ${t.speaker}>${t.text}`, ''])].join('\n');
}

/** The interview as SubRip, speakers as `Name:` labels. */
export function interviewSrt(turns: SpokenTurn[]): string {
  return turns.flatMap((t, i) => [String(i + 1), `${clock(t.start, ',')} --> ${clock(t.end, ',')}`, `${t.speaker}: ${t.text}`, '']).join('\n');
}

/** The interview as oTranscribe writes it: `[hh:mm:ss] Name: text`, whole seconds. */
export function interviewStampedText(turns: SpokenTurn[]): string {
  return turns.map((t) => `[${clock(Math.floor(t.start), '.').slice(0, 8)}] ${t.speaker}: ${t.text}`).join('\n\n');
}

/**
 * The spoken interview made once for a test file, in a temporary folder removed after its
 * last test: `use` receives the recording and the folder (for the file's own transcripts).
 */
export function useSpokenInterview(label: string, use: (made: { spoken: SpokenInterview; files: string }) => void | Promise<void>): void {
  let files: string | undefined;
  beforeAll(async () => {
    files = await fs.mkdtemp(path.join(tmpdir(), `workbench-${label}-`));
    await use({ spoken: await speakInterview(files), files });
  }, 60_000);
  afterAll(async () => {
    if (files) await fs.rm(files, { recursive: true, force: true });
  });
}
