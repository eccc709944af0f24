/**
 * Through the whole core: every annotation saved is found by the very next search, however
 * many were saved since the search index's buckets were built (the live recent shard, then
 * the buckets it hands them to), and never found once deleted.
 */
import { describe, expect, it } from 'vitest';
import { RECENT_LIMIT } from '../../../electron/core/search/user-shards';
import { useTempDirs } from '../../helpers/temp-dir';
import { useSearchCore } from './support';

const tempDir = useTempDirs();
const open = useSearchCore();

describe('save to searchable', () => {
  it('finds each saved annotation at once, past the recent shard limit, and none after deletion', async () => {
    const { core, call } = await open(await tempDir());
    const passages = core.corpus.corpus.passages.filter((p) => p.kind === 'paragraph' && p.text.length > 80);
    const ids = async (query: string) => (await call('search.query', { query, prefix: false, limit: 500 })).results.map((r) => r.id);
    const saved: string[] = [];
    const count = RECENT_LIMIT + 10;
    for (let n = 0; n < count; n++) {
      const passage = passages[(n * 13) % passages.length]!;
      const created = await call('annotations.create', { passageId: passage.id, quote: passage.text.slice(0, 50), note: `zebrafishmarker${n} seen` });
      saved.push(created.id);
      expect(await ids(`zebrafishmarker${n}`)).toEqual([`annotation:${created.id}`]);
    }
    expect((await ids('seen')).filter((id) => id.startsWith('annotation:')).sort()).toEqual(saved.map((id) => `annotation:${id}`).sort());

    // Deleted, the first (older) and the last (just saved): gone from search at once.
    await call('annotations.delete', { id: saved[0]! });
    await call('annotations.delete', { id: saved.at(-1)! });
    // (A query that finds nothing as typed is retried with near spellings, which find the
    // other markers: the deleted annotation must be among neither.)
    expect(await ids('zebrafishmarker0')).not.toContain(`annotation:${saved[0]}`);
    expect(await ids(`zebrafishmarker${count - 1}`)).not.toContain(`annotation:${saved.at(-1)}`);
    expect(await ids('seen')).not.toContain(`annotation:${saved[0]}`);
    expect(await ids('seen')).not.toContain(`annotation:${saved.at(-1)}`);
    expect((await ids('seen')).filter((id) => id.startsWith('annotation:'))).toHaveLength(count - 2);
    // Edited: found by its new note only.
    await call('annotations.update', { id: saved[5]!, note: 'quarrymarker road' });
    expect(await ids('zebrafishmarker5')).not.toContain(`annotation:${saved[5]}`);
    expect(await ids('quarrymarker')).toEqual([`annotation:${saved[5]}`]);
    // Undo of the edit: found by its old note again.
    await call('undo.undo', {});
    expect(await ids('quarrymarker')).not.toContain(`annotation:${saved[5]}`);
    expect(await ids('zebrafishmarker5')).toEqual([`annotation:${saved[5]}`]);
  });

  it('indexes a quote coded with a topic made in the same save under that topic’s name, and under a topic renamed since', async () => {
    const { core, call } = await open(await tempDir());
    const passage = core.corpus.corpus.passages.find((p) => p.kind === 'paragraph' && p.text.length > 80)!;
    const ids = async (query: string) => (await call('search.query', { query, prefix: false, limit: 500, types: ['annotation'] })).results.map((r) => r.id);
    // The topic is new: while the save is written, its name is not known yet, so search
    // must not index the quote as it looked then.
    const created = await call('annotations.create', { passageId: passage.id, quote: passage.text.slice(0, 40), topicPaths: ['Zeppelin logistics'] });
    expect(await ids('zeppelin')).toEqual([`annotation:${created.id}`]);
    const topic = created.topics[0]!;
    await call('topics.rename', { id: topic.id, name: 'Dirigible logistics' });
    expect(await ids('dirigible')).toEqual([`annotation:${created.id}`]);
    expect(await ids('zeppelin')).toEqual([]);
    // Edited in the same breath as the rename: the note and the new name both count.
    await call('annotations.edit', { id: created.id, note: 'hangarmarker', topicPaths: ['Airship yards'] });
    expect(await ids('hangarmarker')).toEqual([`annotation:${created.id}`]);
    expect(await ids('airship')).toEqual([`annotation:${created.id}`]);
  });
});
