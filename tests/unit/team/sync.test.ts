import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsCollection } from '../../../electron/core/annotations';
import type { Core } from '../../../electron/core/core';
import { exchangedCollections } from '../../../electron/core/core';
import type { AnyCollectionDefinition } from '../../../electron/core/store';
import { freePort, useCouchServer } from '../../helpers/couch-server';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { rejection } from '../../helpers/workbench-error';
import { call, code } from './support';

const tempDir = useTempDirs();
const openCore = useCores();
const couchServer = useCouchServer();

/** Bundled passages to annotate: sync needs no imported document. */
function passages(core: Core): string[] {
  const docId = core.corpus.allDocuments()[0]!.id;
  return core.corpus.passages(docId).filter((passage) => passage.kind === 'paragraph' && passage.text.length > 60).map((passage) => passage.id);
}

/** Three colleagues of one project: Amina's workspace, and Besnik's and Clara's joined from her bundle. */
async function threeWorkspaces() {
  const bundles = await tempDir();
  const names = [
    ['amina', 'Amina Berisha'],
    ['besnik', 'Besnik Gashi'],
    ['clara', 'Clara Hoxha'],
  ] as const;
  const cores: Core[] = [];
  for (const [id, name] of names) {
    const core = await openCore(await tempDir());
    await call(core, 'app.setUser', { name, id });
    cores.push(core);
  }
  const [amina] = cores as [Core, Core, Core];
  const topic = await call(amina, 'topics.create', { name: 'Trust in police' });
  await code(amina, passages(amina), 1, 2, topic.id);
  await call(amina, 'team.exportBundle', { out: join(bundles, 'start.fwx') });
  for (const core of cores.slice(1)) await call(core, 'team.mergeBundle', { file: join(bundles, 'start.fwx'), join: true });
  return { cores: cores as [Core, Core, Core], topicId: topic.id };
}

function revisions(core: Core): string[] {
  const names = exchangedCollections.map((definition) => definition.name);
  return core.workspace
    .changes(0, { collections: names })
    .results.flatMap((change) => {
      const definition = exchangedCollections.find((candidate) => candidate.name === change.collection) as AnyCollectionDefinition;
      const stored = core.workspace.records(definition).entry(change.id)!;
      return [stored, ...(stored.conflicts ?? [])].map((leaf) => `${change.collection}/${change.id}@${leaf.rev}${leaf.deleted ? ' deleted' : ''}`);
    })
    .sort();
}

describe('sync through a CouchDB server', () => {
  it('three workspaces converge (same records, same revisions) after each syncs twice, one of them having written while the server was down', async () => {
    const { cores, topicId } = await threeWorkspaces();
    const [amina, besnik, clara] = cores;
    const projectId = amina.workspace.identity.projectId;
    await couchServer().createDatabase(projectId);

    const first = await call(amina, 'team.sync', { server: couchServer().url });
    expect(first).toMatchObject({ database: projectId, added: 0, conflicts: 0 });
    expect(first.pushed).toBeGreaterThan(0);
    expect((await call(amina, 'team.syncSettings', {}))?.url).toBe(couchServer().url);
    await code(besnik, passages(besnik), 3, 4, topicId);
    await call(besnik, 'team.sync', { server: couchServer().url });

    // The server goes down; Clara keeps working, and her sync fails with nothing changed.
    await couchServer().stop();
    const [shared] = (await call(clara, 'annotations.list', {})).map((annotation) => annotation.id);
    await code(clara, passages(clara), 5, 6, topicId);
    await call(clara, 'annotations.update', { id: shared!, note: 'Clara, offline' });
    const before = revisions(clara);
    const down = await rejection(call(clara, 'team.sync', { server: couchServer().url }));
    expect(down.code).toBe('IO');
    expect(down.message).toMatch(/could not be reached.*nothing was changed/);
    expect(revisions(clara)).toEqual(before);
    // Amina edits the same annotation meanwhile: a conflict once they meet.
    await call(amina, 'annotations.update', { id: shared!, note: 'Amina, online' });

    // The server is back (in memory, so empty: everyone still has everything they saw).
    await couchServer().restart();
    await couchServer().createDatabase(projectId);
    for (let round = 0; round < 2; round++) for (const core of cores) await call(core, 'team.sync', { server: couchServer().url });

    const expected = revisions(amina);
    expect(revisions(besnik)).toEqual(expected);
    expect(revisions(clara)).toEqual(expected);
    for (const core of cores) {
      expect(await call(core, 'annotations.list', {})).toHaveLength(6);
      const conflicts = await call(core, 'team.conflicts', {});
      expect(conflicts.map((conflict) => conflict.id)).toEqual([shared]);
      expect(conflicts[0]!.versions.map((version) => (version.record as { note: string }).note).sort()).toEqual(['Amina, online', 'Clara, offline']);
    }
    // And the server holds the same revisions.
    const all = (await (await fetch(`${couchServer().url}${projectId}/_all_docs`)).json()) as { rows: Array<{ id: string; value: { rev: string } }> };
    const winners = amina.workspace.records(annotationsCollection).all().map((annotation) => `annotations:${annotation.id}@${amina.workspace.records(annotationsCollection).entry(annotation.id)!.rev}`);
    const onServer = new Set(all.rows.map((row) => `${row.id}@${row.value.rev}`));
    for (const winner of winners) expect(onServer).toContain(winner);

    // Resolving is a revision like any other: it reaches the others through the server.
    await call(besnik, 'team.resolveConflict', { collection: 'annotations', id: shared!, rev: (await call(besnik, 'team.conflicts', {}))[0]!.versions.find((version) => (version.record as { note: string }).note === 'Clara, offline')!.rev });
    for (const core of [besnik, amina, clara]) await call(core, 'team.sync', {});
    for (const core of cores) {
      expect(await call(core, 'team.conflicts', {})).toEqual([]);
      expect((await call(core, 'annotations.get', { id: shared! })).note).toBe('Clara, offline');
    }
  });

  it('a deletion on one side and an edit on the other, met through the server, is a conflict on every side, and the choice converges', async () => {
    const { cores, topicId } = await threeWorkspaces();
    const [amina, besnik, clara] = cores;
    await couchServer().createDatabase(amina.workspace.identity.projectId);
    for (const core of cores) await call(core, 'team.sync', { server: couchServer().url });
    const [shared] = (await call(amina, 'annotations.list', {})).map((annotation) => annotation.id);
    await call(amina, 'annotations.delete', { id: shared! });
    await call(besnik, 'annotations.update', { id: shared!, note: 'Besnik: keep this quote' });
    await code(clara, passages(clara), 5, 5, topicId);
    for (let round = 0; round < 2; round++) for (const core of cores) await call(core, 'team.sync', {});

    for (const core of cores) {
      const conflicts = await call(core, 'team.conflicts', {});
      expect(conflicts.map((conflict) => [conflict.id, conflict.kind])).toEqual([[shared, 'edit-delete']]);
      expect(conflicts[0]!.versions.map((version) => [version.author, version.deleted === true]).sort()).toEqual([
        ['amina', true],
        ['besnik', false],
      ]);
      // Until someone chooses, the edit is shown: nothing is lost.
      expect((await call(core, 'annotations.get', { id: shared! })).note).toBe('Besnik: keep this quote');
    }
    expect(revisions(besnik)).toEqual(revisions(amina));
    expect(revisions(clara)).toEqual(revisions(amina));

    // Clara chooses the deletion; after everyone syncs it is gone everywhere and no conflict is left.
    const deletion = (await call(clara, 'team.conflicts', {}))[0]!.versions.find((version) => version.deleted)!;
    await call(clara, 'team.resolveConflict', { collection: 'annotations', id: shared!, rev: deletion.rev });
    for (let round = 0; round < 2; round++) for (const core of cores) await call(core, 'team.sync', {});
    for (const core of cores) {
      expect(await call(core, 'team.conflicts', {})).toEqual([]);
      expect((await call(core, 'annotations.list', {})).map((annotation) => annotation.id)).not.toContain(shared);
    }
    expect(revisions(besnik)).toEqual(revisions(amina));
    expect(revisions(clara)).toEqual(revisions(amina));
  });

  it('a server that is down, answers 401, or is not CouchDB is a clear error, with nothing changed', async () => {
    const core = await openCore(await tempDir());
    await call(core, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
    const topic = await call(core, 'topics.create', { name: 'Trust in police' });
    await code(core, passages(core), 1, 1, topic.id);
    const seq = core.workspace.lastSeq;
    const fakes: Server[] = [];
    const fake = async (answer: (path: string) => { status: number; type: string; body: string }) => {
      const server = createServer((request, response) => {
        const { status, type, body } = answer(request.url ?? '/');
        response.writeHead(status, { 'content-type': type });
        response.end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      fakes.push(server);
      return `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    };
    try {
      const cases = [
        { server: `http://127.0.0.1:${await freePort()}/`, code: 'IO', message: /could not be reached \(ECONNREFUSED\).*nothing was changed/ },
        {
          server: await fake((path) => (path === '/' ? { status: 200, type: 'application/json', body: '{"couchdb":"Welcome","version":"3.3.3"}' } : { status: 401, type: 'application/json', body: '{"error":"unauthorized","reason":"You are not authorized to access this db."}' })),
          code: 'FORBIDDEN',
          message: /refused the name “amina” and its password \(HTTP 401\).*nothing was changed/,
          credentials: { username: 'amina', password: 'wrong' },
        },
        { server: await fake(() => ({ status: 200, type: 'text/html', body: '<html><body>Router login</body></html>' })), code: 'UNSUPPORTED', message: /is not a CouchDB server.*nothing was changed/ },
        { server: 'ftp://127.0.0.1/', code: 'BAD_REQUEST', message: /must start with http/ },
        { server: 'http://amina:secret@127.0.0.1:5984/', code: 'BAD_REQUEST', message: /Leave the name and password out of the address/ },
      ];
      for (const item of cases) {
        const error = await rejection(call(core, 'team.sync', { server: item.server, ...(item.credentials ?? {}) }));
        expect(error.code, item.server).toBe(item.code);
        expect(error.message).toMatch(item.message);
        expect(core.workspace.lastSeq).toBe(seq);
        expect(await call(core, 'team.syncSettings', {})).toBeNull();
      }
      // A CouchDB without the project's database says whom to ask.
      const missing = await rejection(call(core, 'team.sync', { server: couchServer().url }));
      expect(missing.code).toBe('NOT_FOUND');
      expect(missing.message).toMatch(/no database for this project/);
    } finally {
      for (const server of fakes) server.close();
    }
  });
});
