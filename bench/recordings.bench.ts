import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { BenchRow } from './types';

const run$ = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '..');

/** Two hours of speech: the size of a long interview. */
const HOURS_2 = 2 * 60 * 60;
const CUES = 1500;

interface ChildResult {
  imported: boolean;
  passages?: number;
  duration?: number;
  error?: string;
  importMs: number;
  peakRssMb: number;
}

async function importInChild(media: string, transcript?: string): Promise<ChildResult> {
  const child = resolve(repoRoot, 'bench/support/recording-import-child.ts');
  const { stdout } = await run$(process.execPath, ['--import', 'tsx', child, media, ...(transcript ? [transcript] : [])], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
  if (!result.imported) throw new Error(`the recording was not imported: ${result.error}`);
  return result;
}

function clock(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(ms / 3_600_000))}:${two(Math.floor(ms / 60_000) % 60)}:${two(Math.floor(ms / 1000) % 60)}.${String(ms % 1000).padStart(3, '0')}`;
}

/** A two-hour interview's WebVTT: 1,500 cues, two voices taking turns, a sentence or two each. */
function longVtt(): string {
  const step = HOURS_2 / CUES;
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < CUES; i++) {
    const speaker = i % 2 === 0 ? 'Interviewer' : 'Amina Berisha';
    const text = i % 2 === 0 ? `Question ${i / 2 + 1}: how did the situation in the north change after that?` : `Answer ${(i + 1) / 2}: the patrols came more often, but people still avoid the bridge after dark, and trust is low.`;
    lines.push(`${clock(i * step)} --> ${clock(i * step + step * 0.95)}`, `<v ${speaker}>${text}`, '');
  }
  return lines.join('\n');
}

/**
 * Importing a two-hour recording: a 200 MB WAV made by sox at bench time (never committed)
 * with its 1,500-cue WebVTT transcript, in a process of its own. Time against copying the
 * same file (the import copies it into the workspace and hashes it), peak memory against
 * importing a one-second recording with no transcript (the core's own footprint).
 */
export async function run(): Promise<BenchRow[]> {
  await run$('sox', ['--version']).catch(() => {
    throw new Error('sox is not installed: run `apt-get install -y sox libsox-fmt-all` (the recording benchmark makes its media with it)');
  });
  const dir = await mkdtemp(join(tmpdir(), 'workbench-recording-bench-'));
  try {
    // 14.6 kHz, 16-bit mono: 29,200 bytes a second, so two hours is 200 MB.
    const big = join(dir, 'two-hours.wav');
    await run$('sox', ['-n', '-r', '14600', '-c', '1', '-b', '16', big, 'synth', String(HOURS_2), 'pinknoise', 'vol', '0.1']);
    const small = join(dir, 'one-second.wav');
    await run$('sox', ['-n', '-r', '14600', '-c', '1', '-b', '16', small, 'synth', '1', 'sine', '440']);
    const vtt = join(dir, 'two-hours.vtt');
    await writeFile(vtt, longVtt());
    const megabytes = Math.round((await stat(big)).size / 1024 / 1024);

    const baseline = await importInChild(small);
    const copyStart = performance.now();
    await copyFile(big, join(dir, 'copy.wav'));
    const copyMs = performance.now() - copyStart;
    await rm(join(dir, 'copy.wav'));
    const withTranscript = await importInChild(big, vtt);
    const mediaOnly = await importInChild(big);
    const label = `${megabytes} MB WAV, 2 h`;
    return [
      { suite: 'recordings', case: `${label} + ${CUES}-cue VTT (${withTranscript.passages} passages)`, metric: 'import time (core, until searchable)', value: withTranscript.importMs, unit: 'ms', reference: { name: 'copying the file', value: copyMs } },
      { suite: 'recordings', case: `${label} + ${CUES}-cue VTT (${withTranscript.passages} passages)`, metric: 'peak memory of the process', value: withTranscript.peakRssMb, unit: 'MB', reference: { name: '1 s recording', value: baseline.peakRssMb } },
      { suite: 'recordings', case: `${label}, no transcript`, metric: 'import time (core)', value: mediaOnly.importMs, unit: 'ms', reference: { name: 'copying the file', value: copyMs } },
      { suite: 'recordings', case: `${label}, no transcript`, metric: 'peak memory of the process', value: mediaOnly.peakRssMb, unit: 'MB', reference: { name: '1 s recording', value: baseline.peakRssMb } },
      // What every import pays whatever the size (opening the worker thread, writing the record).
      { suite: 'recordings', case: '1 s WAV, no transcript', metric: 'import time (core)', value: baseline.importMs, unit: 'ms' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
