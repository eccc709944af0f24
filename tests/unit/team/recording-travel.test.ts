/**
 * A recording with its transcript travels like a text transcript (its content hash is of the
 * media followed by the transcript, as the import made it), and a passage corrected in it
 * after it was shared reaches the colleague too.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { useCores } from '../../helpers/core';
import { interviewVtt, speakInterview, type SpokenInterview } from '../../helpers/spoken-interview';
import { useTempDirs } from '../../helpers/temp-dir';
import { call } from './support';

const openCore = useCores();
const tempDir = useTempDirs();
let spoken: SpokenInterview;
let files: string;

beforeAll(async () => {
  files = await fs.mkdtemp(join(tmpdir(), 'workbench-recording-travel-'));
  spoken = await speakInterview(files);
}, 60_000);
afterAll(() => fs.rm(files, { recursive: true, force: true }));

async function colleague(name: string, id: string): Promise<Core> {
  const core = await openCore(await tempDir());
  await call(core, 'app.setUser', { name, id });
  return core;
}

const texts = (core: Core, docId: string) =>
  core.corpus
    .passages(docId)
    .sort((a, b) => a.order - b.order)
    .map((passage) => [passage.start, passage.end, passage.speaker, passage.text]);

describe('a recording with its transcript travels by bundle', () => {
  it('reaches a colleague whole, and a passage corrected later follows', async () => {
    const bundles = await tempDir();
    const amina = await colleague('Amina Berisha', 'amina');
    const transcript = join(files, 'travel.vtt');
    await fs.writeFile(transcript, interviewVtt(spoken.turns));
    const { documentId: docId } = await call(amina, 'import.file', { path: spoken.ogg, transcript });
    const besnik = await colleague('Besnik Gashi', 'besnik');
    const first = await call(amina, 'team.exportBundle', { out: join(bundles, 'amina-0.fwx') });
    expect(await call(besnik, 'team.mergeBundle', { file: first.file, join: true })).toMatchObject({ documents: 1 });
    expect(texts(besnik, docId)).toEqual(texts(amina, docId));
    expect(besnik.corpus.document(docId!).media).toEqual(amina.corpus.document(docId!).media);

    // A word the transcriber misheard, corrected after it was shared.
    const passage = amina.corpus.passages(docId!).sort((a, b) => a.order - b.order)[1]!;
    const corrected = `${passage.text} (corrected)`;
    await call(amina, 'transcript.correctPassage', { docId: docId!, passageId: passage.id, text: corrected });
    const next = await call(amina, 'team.exportBundle', { out: join(bundles, 'amina-1.fwx'), since: first.lastSeq });
    expect(next.documents).toBe(1);
    const merged = await call(besnik, 'team.mergeBundle', { file: next.file });
    expect(merged.replacedDocuments).toEqual([{ docId }]);
    expect(besnik.corpus.passage(passage.id).text).toBe(corrected);
    expect(texts(besnik, docId!)).toEqual(texts(amina, docId!));
  });
});
