import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { useCouchServer } from '../../helpers/couch-server';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { call, code, importTranscript } from './support';

const tempDir = useTempDirs();
const openCore = useCores();
const couchServer = useCouchServer();

/**
 * Three colleagues of one project who share nothing but its id: Besnik and Clara joined from
 * Amina's first bundle, made before she imported anything, so the only way a document can
 * reach them is the sync.
 */
async function threeWorkspaces(): Promise<[Core, Core, Core]> {
  const bundles = await tempDir();
  const cores: Core[] = [];
  for (const [id, name] of [
    ['amina', 'Amina Berisha'],
    ['besnik', 'Besnik Gashi'],
    ['clara', 'Clara Hoxha'],
  ] as const) {
    const core = await openCore(await tempDir());
    await call(core, 'app.setUser', { name, id });
    cores.push(core);
  }
  const start = join(bundles, 'start.fwx');
  const exported = await call(cores[0]!, 'team.exportBundle', { out: start });
  expect(exported.documents).toBe(0);
  for (const core of cores.slice(1)) await call(core, 'team.mergeBundle', { file: start, join: true });
  await couchServer().createDatabase(cores[0]!.workspace.identity.projectId);
  return cores as [Core, Core, Core];
}

/** The files of an imported document's folder, name → bytes. */
async function folder(core: Core, docId: string): Promise<Record<string, string>> {
  const dir = join(core.workspace.dir, 'documents', docId);
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await readFile(join(dir, name))).toString('base64')] as const)));
}

describe('imported documents travel by sync', () => {
  it('a transcript imported and coded in one workspace is listed, readable and its quotes anchored in the two others after they sync', async () => {
    const [amina, besnik, clara] = await threeWorkspaces();
    const { docId, passageIds } = await importTranscript(amina);
    const topic = await call(amina, 'topics.create', { name: 'Trust in police' });
    await code(amina, passageIds, 2, 5, topic.id);
    const sent = await call(amina, 'team.sync', { server: couchServer().url });
    expect(sent.pushed).toBeGreaterThan(0);

    for (const core of [besnik, clara]) {
      expect(core.corpus.hasDocument(docId)).toBe(false);
      const result = await call(core, 'team.sync', { server: couchServer().url });
      expect(result.documents).toBe(1);
      expect(result.refusedDocuments).toEqual([]);
      // Listed, with the title Amina's import gave it.
      const listed = (await call(core, 'corpus.documents', {})).find((document) => document.id === docId);
      expect(listed?.title).toBe((await call(amina, 'corpus.document', { docId })).title);
      expect(listed?.damaged).toBeUndefined();
      // Readable: the same 20 passages, word for word.
      expect((await call(core, 'corpus.passages', { docId })).map((passage) => passage.text)).toEqual((await call(amina, 'corpus.passages', { docId })).map((passage) => passage.text));
      // The same folder: original, document.json, byte for byte.
      expect(await folder(core, docId)).toEqual(await folder(amina, docId));
      // Anchored: each quote lies in its passage where its ranges say.
      const annotations = await call(core, 'annotations.list', { docId });
      expect(annotations).toHaveLength(4);
      for (const annotation of annotations) {
        expect(annotation.anchorStatus ?? 'anchored').toBe('anchored');
        expect(annotation.ranges).toHaveLength(1);
        const range = annotation.ranges[0]!;
        const passage = await call(core, 'corpus.passage', { passageId: range.passageId });
        expect(passage.text.slice(range.start, range.end)).toBe(annotation.target.selectors.quote.exact);
      }
    }

    // Clara codes the document she received; Amina gets her quotes back, anchored too.
    const received = (await call(clara, 'corpus.passages', { docId })).sort((a, b) => a.order - b.order).map((passage) => passage.id);
    expect(received).toEqual(passageIds);
    await code(clara, received, 10, 11, topic.id);
    await call(clara, 'team.sync', {});
    const back = await call(amina, 'team.sync', {});
    expect(back.documents).toBe(0);
    // Clara's two annotations, and Besnik's and Clara's names (each named themselves in their workspace).
    expect(back.added).toBe(4);
    expect((await call(amina, 'annotations.list', { docId, coder: 'clara' })).every((annotation) => annotation.ranges.length === 1)).toBe(true);
  });

  it('a document removed on one side and renamed on the other is a conflict, and the side that removed it gets its files back until someone chooses', async () => {
    const [amina, besnik] = await threeWorkspaces();
    const { docId } = await importTranscript(amina);
    await call(amina, 'team.sync', { server: couchServer().url });
    await call(besnik, 'team.sync', { server: couchServer().url });
    expect(besnik.corpus.hasDocument(docId)).toBe(true);

    await call(amina, 'import.remove', { docId, annotations: 'delete' });
    expect(amina.corpus.hasDocument(docId)).toBe(false);
    await call(besnik, 'import.updateMetadata', { docId, title: 'Interview 7, Mitrovica' });
    for (let round = 0; round < 2; round++) for (const core of [amina, besnik]) await call(core, 'team.sync', {});

    for (const core of [amina, besnik]) {
      const conflicts = await call(core, 'team.conflicts', {});
      expect(conflicts.map((conflict) => [conflict.collection, conflict.id, conflict.kind])).toEqual([['library', docId, 'edit-delete']]);
      // The rename is shown meanwhile, and the document reads on both sides again.
      expect((await call(core, 'corpus.document', { docId })).title).toBe('Interview 7, Mitrovica');
      expect(await call(core, 'corpus.passages', { docId })).toHaveLength(20);
    }
    expect(await folder(amina, docId)).toEqual(await folder(besnik, docId));
  });

  it('a document whose original does not match its content hash is not taken in, is named, and is asked for again on the next sync', async () => {
    const [amina, besnik] = await threeWorkspaces();
    const { docId } = await importTranscript(amina);
    await call(amina, 'team.sync', { server: couchServer().url });

    // Someone with write access to the server replaces the original by other bytes.
    const database = `${couchServer().url}${amina.workspace.identity.projectId}`;
    const onServer = (await (await fetch(`${database}/library:${docId}`)).json()) as { _rev: string; _attachments: Record<string, unknown> };
    const original = Object.keys(onServer._attachments).find((name) => name.startsWith('original.'))!;
    const tampered = await fetch(`${database}/library:${docId}/${original}?rev=${onServer._rev}`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'Not what Amina imported.' });
    expect(tampered.ok).toBe(true);

    const result = await call(besnik, 'team.sync', { server: couchServer().url });
    expect(result.documents).toBe(0);
    expect(result.refusedDocuments).toHaveLength(1);
    expect(result.refusedDocuments[0]!.docId).toBe(docId);
    expect(result.refusedDocuments[0]!.problem).toMatch(/not taken in: its original file does not match its content hash/);
    expect(besnik.corpus.hasDocument(docId)).toBe(false);
    expect(await readdir(join(besnik.workspace.dir, 'documents')).catch(() => [])).toEqual([]);

    // Amina syncs again: her revision of the record is the server's already, but the
    // tampered revision is newer there; she sends nothing new. Besnik asks again and is refused
    // again, never taking the wrong file.
    const again = await call(besnik, 'team.sync', {});
    expect(again.refusedDocuments.map((problem) => problem.docId)).toEqual([docId]);
  });
});
