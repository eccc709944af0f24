/**
 * A recording with its transcript travels like a text transcript (its content hash is of the
 * media followed by the transcript, as the import made it), and a passage corrected in it
 * after it was shared reaches the colleague too.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { useCores } from '../../helpers/core';
import { interviewVtt, type SpokenInterview, useSpokenInterview } from '../../helpers/spoken-interview';
import { useTempDirs } from '../../helpers/temp-dir';
import { call } from './support';

const openCore = useCores();
const tempDir = useTempDirs();
let spoken: SpokenInterview;
let files: string;

useSpokenInterview('recording-travel', async (made) => {
  ({ spoken, files } = made);
});

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

  it('anonymised after it was shared: the recording stays, its transcript file loses the name, and the colleague gets both; undo travels too', async () => {
    const bundles = await tempDir();
    const amina = await colleague('Amina Berisha', 'amina');
    const transcript = join(files, 'anonymise.vtt');
    await fs.writeFile(transcript, interviewVtt(spoken.turns));
    const docId = (await call(amina, 'import.file', { path: spoken.ogg, transcript })).documentId!;
    const besnik = await colleague('Besnik Gashi', 'besnik');
    const first = await call(amina, 'team.exportBundle', { out: join(bundles, 'amina-0.fwx') });
    await call(besnik, 'team.mergeBundle', { file: first.file, join: true });
    const folderOf = async (core: Core) => {
      const dir = join(core.workspace.dir, 'documents', docId);
      const names = (await fs.readdir(dir)).sort();
      return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await fs.readFile(join(dir, name))] as const)));
    };
    const media = (await folderOf(amina))['media.ogg']!;
    expect(media.equals(await fs.readFile(spoken.ogg))).toBe(true);

    await call(amina, 'interviews.anonymise', { docId, replacements: [{ real: 'Amina Berisha', pseudonym: 'Respondent 2' }] });
    const anonymised = await folderOf(amina);
    expect(Object.keys(anonymised)).toEqual(['document.json', 'media.ogg', 'transcript.vtt']);
    expect(anonymised['media.ogg']!.equals(media)).toBe(true);
    expect(anonymised['transcript.vtt']!.toString('utf8')).not.toContain('Amina');
    expect(anonymised['transcript.vtt']!.toString('utf8')).toContain('Respondent 2');
    expect(amina.corpus.document(docId).media?.file).toBe('media.ogg');

    let lastSeq = first.lastSeq;
    const send = async (name: string) => {
      const bundle = await call(amina, 'team.exportBundle', { out: join(bundles, name), since: lastSeq });
      lastSeq = bundle.lastSeq;
      return call(besnik, 'team.mergeBundle', { file: bundle.file });
    };
    expect((await send('amina-1.fwx')).replacedDocuments).toEqual([{ docId }]);
    expect(await folderOf(besnik)).toEqual(anonymised);
    expect(JSON.stringify(texts(besnik, docId))).not.toContain('Amina');

    await call(amina, 'undo.undo', {});
    expect((await folderOf(amina))['transcript.vtt']!.toString('utf8')).toContain('Amina Berisha');
    expect((await send('amina-2.fwx')).replacedDocuments).toEqual([{ docId }]);
    expect(await folderOf(besnik)).toEqual(await folderOf(amina));
    expect(texts(besnik, docId)).toEqual(texts(amina, docId));
  });
});
