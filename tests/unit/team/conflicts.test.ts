import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsCollection } from '../../../electron/core/annotations';
import type { Core } from '../../../electron/core/core';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { call, code, importTranscript } from './support';

const tempDir = useTempDirs();
const openCore = useCores();

/** Two colleagues who share one coded annotation. */
async function sharedAnnotation() {
  const bundles = await tempDir();
  const amina = await openCore(await tempDir());
  await call(amina, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
  const { passageIds } = await importTranscript(amina);
  const topic = await call(amina, 'topics.create', { name: 'Trust in police' });
  const [annotationId] = await code(amina, passageIds, 1, 1, topic.id);
  const besnik = await openCore(await tempDir());
  await call(besnik, 'app.setUser', { name: 'Besnik Gashi', id: 'besnik' });
  let count = 0;
  const send = async (from: Core, to: Core) => {
    const file = join(bundles, `bundle-${++count}.fwx`);
    await call(from, 'team.exportBundle', { out: file });
    return call(to, 'team.mergeBundle', { file, join: to === besnik && count === 1 });
  };
  await send(amina, besnik);
  return { amina, besnik, annotationId: annotationId!, send };
}

describe('conflicts', () => {
  it('an edit made on both sides is kept on both sides until resolved; the choice is a revision that ends it everywhere', async () => {
    const { amina, besnik, annotationId, send } = await sharedAnnotation();
    await call(amina, 'annotations.update', { id: annotationId, note: 'Amina: distrust of the police' });
    await call(besnik, 'annotations.update', { id: annotationId, note: 'Besnik: trust grows slowly' });
    const toBesnik = await send(amina, besnik);
    const toAmina = await send(besnik, amina);
    expect(toBesnik).toMatchObject({ conflicts: 1, conflicted: [{ collection: 'annotations', id: annotationId }] });
    expect(toAmina.conflicts).toBe(1);

    for (const core of [amina, besnik]) {
      const [conflict, ...others] = await call(core, 'team.conflicts', {});
      expect(others).toEqual([]);
      expect(conflict).toMatchObject({ collection: 'annotations', id: annotationId, kind: 'edit-edit' });
      expect(conflict!.versions.map((version) => (version.record as { note: string }).note).sort()).toEqual(['Amina: distrust of the police', 'Besnik: trust grows slowly']);
      expect(conflict!.versions.map((version) => version.author).sort()).toEqual(['amina', 'besnik']);
      expect(conflict!.versions.filter((version) => version.current)).toHaveLength(1);
    }

    // Besnik combines both notes.
    const [conflict] = await call(besnik, 'team.conflicts', {});
    const combined = { ...(conflict!.versions[0]!.record as object), note: 'Amina: distrust of the police. Besnik: trust grows slowly' };
    const { rev } = await call(besnik, 'team.resolveConflict', { collection: 'annotations', id: annotationId, record: combined });
    expect(await call(besnik, 'team.conflicts', {})).toEqual([]);
    expect((await call(besnik, 'annotations.get', { id: annotationId })).note).toBe(combined.note);
    expect((await call(besnik, 'annotations.get', { id: annotationId })).coder).toBe('amina');
    expect((await call(besnik, 'annotations.get', { id: annotationId })).editedBy).toBe('besnik');

    // Amina still sees the conflict until the choice reaches her; then it is gone there too.
    expect(await call(amina, 'team.conflicts', {})).toHaveLength(1);
    await send(besnik, amina);
    expect(await call(amina, 'team.conflicts', {})).toEqual([]);
    expect(amina.workspace.records(annotationsCollection).entry(annotationId)?.rev).toBe(rev);
    expect((await call(amina, 'annotations.get', { id: annotationId })).note).toBe(combined.note);
  });

  it('a deletion on one side and an edit on the other is a conflict on both sides, not a silent loss', async () => {
    const { amina, besnik, annotationId, send } = await sharedAnnotation();
    await call(amina, 'annotations.delete', { id: annotationId });
    await call(besnik, 'annotations.update', { id: annotationId, note: 'Besnik: keep this quote' });
    expect((await send(amina, besnik)).conflicts).toBe(1);
    expect((await send(besnik, amina)).conflicts).toBe(1);

    for (const core of [amina, besnik]) {
      const conflicts = await call(core, 'team.conflicts', {});
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ id: annotationId, kind: 'edit-delete' });
      expect(conflicts[0]!.versions.map((version) => [version.author, version.deleted]).sort()).toEqual([
        ['amina', true],
        ['besnik', false],
      ]);
      // Meanwhile the edit is shown: nothing is lost.
      expect((await call(core, 'annotations.get', { id: annotationId })).note).toBe('Besnik: keep this quote');
    }

    // Amina, seeing Besnik's reason, keeps the edit; the choice travels and closes it for Besnik.
    const [conflict] = await call(amina, 'team.conflicts', {});
    const edit = conflict!.versions.find((version) => !version.deleted)!;
    await call(amina, 'team.resolveConflict', { collection: 'annotations', id: annotationId, rev: edit.rev });
    expect(await call(amina, 'team.conflicts', {})).toEqual([]);
    await send(amina, besnik);
    expect(await call(besnik, 'team.conflicts', {})).toEqual([]);
    expect((await call(besnik, 'annotations.get', { id: annotationId })).note).toBe('Besnik: keep this quote');
  });

  it('choosing the deletion deletes the record on every side', async () => {
    const { amina, besnik, annotationId, send } = await sharedAnnotation();
    await call(amina, 'annotations.update', { id: annotationId, note: 'Amina edited' });
    await call(besnik, 'annotations.delete', { id: annotationId });
    await send(besnik, amina);
    const [conflict] = await call(amina, 'team.conflicts', {});
    const deletion = conflict!.versions.find((version) => version.deleted)!;
    await call(amina, 'team.resolveConflict', { collection: 'annotations', id: annotationId, rev: deletion.rev });
    await send(amina, besnik);
    for (const core of [amina, besnik]) {
      expect(await call(core, 'team.conflicts', {})).toEqual([]);
      expect(await call(core, 'annotations.list', {})).toEqual([]);
    }
  });
});
