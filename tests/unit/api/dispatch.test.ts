import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../electron/core/api/contract';
import { readingPositionsCollection } from '../../../electron/core/settings';
import { storedRecords } from '../../helpers/stored';
import { useTempDirs } from '../../helpers/temp-dir';
import { useCores } from '../../helpers/core';

const tempDir = useTempDirs();
const openCore = useCores();

describe('the API contract and dispatch', () => {
  it('answers a known method with its result', async () => {
    const core = await openCore(await tempDir());
    const result = await core.dispatch('app.info', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ name: 'Field Workbench', workspace: core.workspace.dir });
  });

  it('gives an unknown method a typed error', async () => {
    const core = await openCore(await tempDir());
    expect(await core.dispatch('fs.readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'There is no API method called "fs.readFile".' },
    });
    expect(await core.dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('rejects bad arguments before any handler runs, and changes nothing', async () => {
    const dir = await tempDir();
    const core = await openCore(dir);
    const before = await readFile(join(dir, 'reading-positions.journal'), 'utf8');
    const cases: unknown[] = [
      { docId: 'x', page: -1 },
      { docId: '', page: 2 },
      { docId: 'x', page: 2, extra: true },
      'not an object',
      [],
    ];
    for (const args of cases) {
      const result = await core.dispatch('settings.saveReadingPosition', args);
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('Invalid arguments for settings.saveReadingPosition') } });
    }
    expect(await readFile(join(dir, 'reading-positions.journal'), 'utf8')).toBe(before);
    expect(core.workspace.records(readingPositionsCollection).size).toBe(0);
  });

  it('turns a failing handler into a typed, readable error', async () => {
    const core = await openCore(await tempDir());
    expect(await core.dispatch('corpus.passages', { docId: 'no-such-paper' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('no-such-paper') },
    });
  });

  it('refuses host-only methods in core, and validates their arguments first', async () => {
    const core = await openCore(await tempDir());
    expect(await core.dispatch('app.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await core.dispatch('app.openExternal', { url: 'https://www.nato.int/' })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });

  it('persists a valid write through the store', async () => {
    const dir = await tempDir();
    const core = await openCore(dir);
    const documents = await core.dispatch('corpus.documents', {});
    if (!documents.ok) throw new Error(documents.error.message);
    const docId = (documents.value as Array<{ id: string }>)[0]!.id;
    expect(await core.dispatch('settings.saveReadingPosition', { docId, page: 3 })).toEqual({ ok: true, value: null });
    const journal = (await readFile(join(dir, 'reading-positions.journal'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(journal).toMatchObject([{ id: docId, op: 'put', record: { id: docId, page: 3 } }]);
    expect(await storedRecords(dir, readingPositionsCollection)).toMatchObject([{ id: docId, page: 3 }]);
  });

  it('names every method area.verb and gives each a zod schema', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(typeof spec.args.safeParse).toBe('function');
    }
  });
});
