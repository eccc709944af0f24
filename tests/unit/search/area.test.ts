/** Search through the core's dispatch, over the committed corpus and a fresh workspace. */
import { describe, expect, it } from 'vitest';
import type { ArgsOf, MethodName, ResultOf } from '../../../electron/core/api/contract';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const openCore = useCores();

async function setUp() {
  const core = await openCore(await tempDir());
  const call = async <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
    const result = await core.dispatch(method, args);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as ResultOf<M>;
  };
  return { core, call };
}

describe('search over the dispatch', () => {
  it('finds the corpus with aliases and a new annotation as soon as it is saved', async () => {
    const { core, call } = await setUp();
    const ksf = await call('search.query', { query: 'KSF', limit: 5 });
    expect(ksf.total).toBeGreaterThan(0);
    expect(ksf.results.length).toBeLessThanOrEqual(5);

    const passage = core.corpus.corpus.passages.find((p) => p.kind === 'paragraph' && p.text.includes('Banjska'))!;
    const quote = passage.text.slice(passage.text.indexOf('Banjska'), passage.text.indexOf('Banjska') + 'Banjska'.length);
    expect((await call('search.query', { query: 'zeppelin', prefix: false })).total).toBe(0);
    const created = await call('annotations.create', { passageId: passage.id, quote, note: 'Compare with the zeppelin hangar reports' });
    const found = await call('search.query', { query: 'zeppelin hangar', prefix: false });
    expect(found.results.map((r) => r.id)).toEqual([`annotation:${created.id}`]);
    expect(found.results[0]!.docId).toBe(passage.docId);
  });

  it('remembers recent searches, newest first, without repeats', async () => {
    const { call } = await setUp();
    await call('search.remember', { query: 'KSF' });
    await call('search.remember', { query: 'Banjska' });
    expect(await call('search.remember', { query: 'KSF' })).toEqual(['KSF', 'Banjska']);
    expect(await call('search.recent', {})).toEqual(['KSF', 'Banjska']);
  });
});
