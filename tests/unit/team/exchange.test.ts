import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { call, code, importTranscript } from './support';

const tempDir = useTempDirs();
const openCore = useCores();

/** Amina's workspace with the transcript, and Besnik's, which joined the project from her first bundle. */
async function twoColleagues() {
  const dirs = { amina: await tempDir(), besnik: await tempDir(), bundles: await tempDir() };
  const amina = await openCore(dirs.amina);
  await call(amina, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
  const { docId, passageIds } = await importTranscript(amina);
  const trust = await call(amina, 'topics.create', { name: 'Trust in police' });
  const first = join(dirs.bundles, 'amina-0.fwx');
  await call(amina, 'team.exportBundle', { out: first });
  const besnik = await openCore(dirs.besnik);
  await call(besnik, 'app.setUser', { name: 'Besnik Gashi', id: 'besnik' });
  const joined = await call(besnik, 'team.mergeBundle', { file: first, join: true });
  expect(joined).toMatchObject({ added: 3, conflicts: 0, documents: 1 });
  expect(besnik.workspace.identity.projectId).toBe(amina.workspace.identity.projectId);
  expect(besnik.corpus.passages(docId)).toHaveLength(20);
  return { dirs, amina, besnik, docId, passageIds, topicId: trust.id };
}

async function exchange(from: Core, to: Core, file: string) {
  await call(from, 'team.exportBundle', { out: file });
  return call(to, 'team.mergeBundle', { file });
}

describe('exchange bundles', () => {
  it('bring two coders together: 16 annotations with their authors on both sides, kappa 0.583 as computed by hand, and merging twice changes nothing', async () => {
    const { dirs, amina, besnik, docId, passageIds, topicId } = await twoColleagues();
    await code(amina, passageIds, 1, 8, topicId);
    await code(besnik, passageIds, 3, 10, topicId);

    const toBesnik = await exchange(amina, besnik, join(dirs.bundles, 'amina-1.fwx'));
    // Amina's 8 annotations are new to Besnik; the document, the topic and her name he has.
    expect(toBesnik).toMatchObject({ added: 8, updated: 0, unchanged: 3, conflicts: 0 });
    const toAmina = await exchange(besnik, amina, join(dirs.bundles, 'besnik-1.fwx'));
    // Besnik's 8 annotations and his name are new to Amina.
    expect(toAmina).toMatchObject({ added: 9, updated: 0, unchanged: 11, conflicts: 0 });

    for (const core of [amina, besnik]) {
      const annotations = await call(core, 'annotations.list', { docId });
      expect(annotations).toHaveLength(16);
      expect(annotations.filter((annotation) => annotation.coder === 'amina')).toHaveLength(8);
      expect(annotations.filter((annotation) => annotation.coder === 'besnik')).toHaveLength(8);
      expect((await call(core, 'annotations.list', { coder: 'besnik' })).map((annotation) => annotation.coder)).toEqual(Array(8).fill('besnik'));
      const users = await call(core, 'team.users', {});
      expect(users.users.map((user) => [user.id, user.name]).sort()).toEqual([
        ['amina', 'Amina Berisha'],
        ['besnik', 'Besnik Gashi'],
      ]);
    }
    // Same records, same revisions on both sides.
    const revisions = (core: Core) =>
      core.workspace
        .changes(0, { collections: ['annotations', 'topics', 'library', 'users'] })
        .results.map((change) => `${change.collection}/${change.id}@${change.rev}`)
        .sort();
    expect(revisions(besnik)).toEqual(revisions(amina));

    // Passages 1-8 (Amina) and 3-10 (Besnik) of 20: both 6, only Amina 2, only Besnik 2, neither 10.
    // po = 16/20 = 0.8; pe = (8/20)(8/20) + (12/20)(12/20) = 0.52; kappa = (0.8 - 0.52) / (1 - 0.52) = 0.5833.
    const byHand = (0.8 - 0.52) / (1 - 0.52);
    const report = await call(amina, 'team.agreement', { topicIds: [topicId], docIds: [docId], coders: ['amina', 'besnik'] });
    expect(report.topics).toHaveLength(1);
    const row = report.topics[0]!;
    expect(report.unit).toBe('passage');
    expect({ both: row.both, onlyA: row.onlyA, onlyB: row.onlyB, neither: row.neither }).toEqual({ both: 6, onlyA: 2, onlyB: 2, neither: 10 });
    expect(row.kappa).toBeCloseTo(byHand, 10);
    expect(row.kappa!.toFixed(3)).toBe('0.583');
    expect(report.overall.kappa).toBeCloseTo(byHand, 10);
    expect(row.disagreements.map((passage) => [passageIds.indexOf(passage.passageId) + 1, passage.codedBy])).toEqual([
      [1, 'amina'],
      [2, 'amina'],
      [9, 'besnik'],
      [10, 'besnik'],
    ]);

    // The same bundle again: nothing changes.
    const seq = besnik.workspace.lastSeq;
    const again = await call(besnik, 'team.mergeBundle', { file: join(dirs.bundles, 'amina-1.fwx') });
    expect(again).toMatchObject({ added: 0, updated: 0, conflicts: 0 });
    expect(again.unchanged).toBeGreaterThan(0);
    expect(besnik.workspace.lastSeq).toBe(seq);
  });

  it('export and merge report their stages (team.progress) for the app to show, ending with done, also when the merge is refused', async () => {
    const dirs = { amina: await tempDir(), besnik: await tempDir(), bundles: await tempDir() };
    const amina = await openCore(dirs.amina);
    await call(amina, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
    await importTranscript(amina);
    const exportStages: string[] = [];
    const stopExport = amina.subscribe('team.progress', (event) => exportStages.push(`${event.operation}:${event.stage}`));
    const file = join(dirs.bundles, 'amina.fwx');
    await call(amina, 'team.exportBundle', { out: file });
    stopExport();
    expect([...new Set(exportStages)]).toEqual(['export:records', 'export:documents', 'export:writing', 'export:done']);

    const besnik = await openCore(dirs.besnik);
    await call(besnik, 'app.setUser', { name: 'Besnik Gashi', id: 'besnik' });
    const events: Array<{ stage: string; done?: number; total?: number }> = [];
    const stop = besnik.subscribe('team.progress', (event) => events.push({ stage: event.stage, ...(event.total === undefined ? {} : { done: event.done, total: event.total }) }));
    await expect(call(besnik, 'team.mergeBundle', { file })).rejects.toThrow(/another project/);
    expect(events.map((event) => event.stage)).toEqual(['reading', 'checking', 'done']);
    events.length = 0;
    const merged = await call(besnik, 'team.mergeBundle', { file, join: true });
    stop();
    expect(events.map((event) => event.stage)).toEqual(['reading', 'checking', 'documents', 'records', 'loading', 'done']);
    expect(events.find((event) => event.stage === 'records')).toEqual({ stage: 'records', done: 0, total: merged.added });
    expect(events.find((event) => event.stage === 'documents')).toEqual({ stage: 'documents', done: 0, total: 1 });
  });
});
