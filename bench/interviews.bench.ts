import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { invokeOrThrow } from '../electron/core/api/invoke';
import { createCore } from '../electron/core/core';
import type { BenchRow } from './types';

const resourcesDir = resolve(import.meta.dirname, '../resources');
const turns = 1500;
const annotations = 300;

/** A two-hour interview: 1,500 turns, the respondent named in labels and answers. */
function longInterview(): string {
  const lines: string[] = [];
  for (let i = 0; i < turns; i++) {
    lines.push(
      i % 2 === 0
        ? `Interviewer: Question ${i} for Arben about the police in Mitrovica and what Drita said last week.`
        : `Arben Krasniqi: Answer ${i}: Arben's neighbours trust the police less than Drita does, and ARBEN says so often.`,
    );
  }
  return lines.join('\n\n');
}

/** Anonymising a long transcript with its annotations, its undo, and auto-coding a speaker's 750 turns. */
export async function run(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'workbench-bench-interviews-'));
  const core = await createCore({ workspaceDir: join(dir, 'workspace'), resourcesDir, holder: 'the interviews bench' });
  try {
    const call = (method: Parameters<typeof invokeOrThrow>[1], args: unknown) => invokeOrThrow(core.dispatch, method, args as never);
    const imported = (await call('import.bytes', { fileName: 'long-interview.txt', base64: Buffer.from(longInterview()).toString('base64') })) as { documentId: string };
    const docId = imported.documentId;
    const passages = core.corpus.passages(docId).sort((a, b) => a.order - b.order);
    const topic = (await call('topics.create', { name: 'Trust in police' })) as { id: string };
    for (let i = 0; i < annotations; i++) {
      const passage = passages[(i * 5) % passages.length]!;
      await call('annotations.create', { passageId: passage.id, quote: passage.text.slice(0, 40), topicIds: [topic.id], note: 'Arben, again.' });
    }
    const replacements = [
      { real: 'Arben Krasniqi', pseudonym: 'Respondent 4' },
      { real: 'Arben', pseudonym: 'Besnik' },
      { real: 'Drita', pseudonym: 'R2' },
    ];
    let started = performance.now();
    await call('interviews.anonymise', { docId, replacements, keyPath: join(dir, 'key.json') });
    const anonymiseMs = performance.now() - started;
    started = performance.now();
    await call('undo.undo', {});
    const undoMs = performance.now() - started;
    // Reference: writing the document's record once, as plainly as Node can.
    const record = await readFile(join(dir, 'workspace', 'documents', docId, 'document.json'));
    started = performance.now();
    await writeFile(join(dir, 'plain-copy.json'), record);
    const plainWriteMs = performance.now() - started;
    started = performance.now();
    const coded = (await call('interviews.autocode', { topicId: topic.id, speaker: 'Arben Krasniqi', docId })) as { coded: number };
    const autocodeMs = performance.now() - started;
    const reference = { name: `fs.writeFile of document.json (${(record.length / 1e6).toFixed(1)} MB)`, value: plainWriteMs };
    return [
      { suite: 'interviews', case: `anonymise ${turns} turns, ${annotations} annotations, 3 names`, metric: 'time', value: anonymiseMs, unit: 'ms', reference },
      { suite: 'interviews', case: 'undo the anonymisation', metric: 'time', value: undoMs, unit: 'ms', reference },
      { suite: 'interviews', case: `auto-code a speaker's turns (${coded.coded} coded)`, metric: 'time', value: autocodeMs, unit: 'ms' },
    ];
  } finally {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  }
}
