import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir';
import { useCores } from '../../helpers/core';

const tempDir = useTempDirs();
const openCore = useCores();

async function value<T>(promise: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('settings: preferences and the last place read', () => {
  it('keeps the highlight colouring preference as its own record beside the colour meanings, across a reopen', async () => {
    const dir = await tempDir();
    const core = await openCore(dir);
    expect(await value(core.dispatch('settings.preferences', {}))).toEqual({ highlightColoring: 'annotation' });
    await value(core.dispatch('annotations.setColorMeaning', { color: 'red', meaning: 'contradicts the brief' }));
    expect(await value(core.dispatch('settings.setPreferences', { highlightColoring: 'topic' }))).toEqual({ highlightColoring: 'topic' });
    // Setting nothing changes nothing.
    expect(await value(core.dispatch('settings.setPreferences', {}))).toEqual({ highlightColoring: 'topic' });
    await core.close();
    // The preference is a record in its own collection; the colour meaning stays in its own.
    // (In the snapshot or still in the journal, as compaction decides.)
    const stored = (await Promise.all(['preferences.json', 'preferences.journal'].map((name) => readFile(join(dir, name), 'utf8').catch(() => '')))).join('\n');
    expect(stored).toMatch(/"id":\s*"highlightColoring",\s*"value":\s*"topic"/);
    const reopened = await openCore(dir);
    expect(await value(reopened.dispatch('settings.preferences', {}))).toEqual({ highlightColoring: 'topic' });
    const palette = await value<Array<{ key: string; meaning?: string }>>(reopened.dispatch('annotations.palette', {}));
    expect(palette.find((entry) => entry.key === 'red')?.meaning).toBe('contradicts the brief');
  });

  it('refuses an unknown preference or value and changes nothing', async () => {
    const core = await openCore(await tempDir());
    expect(await core.dispatch('settings.setPreferences', { highlightColoring: 'rainbow' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await core.dispatch('settings.setPreferences', { theme: 'dark' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await value(core.dispatch('settings.preferences', {}))).toEqual({ highlightColoring: 'annotation' });
  });

  it('opens a settings file written before preferences existed, as it is', async () => {
    const dir = await tempDir();
    const older = { schemaVersion: 1, data: { readingPositions: {}, recentSearches: ['kosovo'], colorMeanings: {} } };
    await writeFile(join(dir, 'settings.json'), JSON.stringify(older));
    const core = await openCore(dir);
    expect(await value(core.dispatch('settings.preferences', {}))).toEqual({ highlightColoring: 'annotation' });
    expect(await value(core.dispatch('search.recent', {}))).toEqual(['kosovo']);
  });

  it('tells which paper was read last, and where', async () => {
    const core = await openCore(await tempDir());
    expect(await value(core.dispatch('settings.lastReadingPosition', {}))).toBeNull();
    const documents = await value<Array<{ id: string }>>(core.dispatch('corpus.documents', {}));
    await value(core.dispatch('settings.saveReadingPosition', { docId: documents[0]!.id, page: 4 }));
    await new Promise((done) => setTimeout(done, 5));
    await value(core.dispatch('settings.saveReadingPosition', { docId: documents[2]!.id, page: 7 }));
    expect(await value(core.dispatch('settings.lastReadingPosition', {}))).toMatchObject({ docId: documents[2]!.id, page: 7 });
  });
});
