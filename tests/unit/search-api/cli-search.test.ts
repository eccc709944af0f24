/** `workbench search` through runCli, over the committed corpus and a temporary workspace. */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CorpusSchema } from '../../../electron/core/corpus/schema';
import { resourcesDir } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { cli } from '../import-api/support';

const tempDir = useTempDirs();

async function passagesById() {
  const corpus = CorpusSchema.parse(JSON.parse(await readFile(join(resourcesDir, 'corpus', 'corpus.json'), 'utf8')));
  return new Map(corpus.passages.map((p) => [p.id, p]));
}

describe('workbench search', () => {
  it('finds Vučić for vucic, best first, with the things’ own ids and whole texts', async () => {
    const run = await cli(await tempDir(), 'search', 'vucic');
    expect(run.code).toBe(0);
    const hits = run.json as Array<{ type: string; id: string; docId?: string; title: string; snippet: string; text: string; score: number }>;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(Object.keys(hit).sort()).toEqual(['docId', 'id', 'score', 'snippet', 'text', 'title', 'type'].filter((k) => k !== 'docId' || hit.docId !== undefined).sort());
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));

    const passages = await passagesById();
    const passageHits = hits.filter((h) => h.type === 'passage');
    expect(passageHits.length).toBeGreaterThan(0);
    for (const hit of passageHits) {
      const passage = passages.get(hit.id)!;
      expect(passage, `${hit.id} is a passage id`).toBeDefined();
      expect(hit.docId).toBe(passage.docId);
      expect(hit.text).toBe(passage.text);
      // The seeds spell him both ways.
      expect(hit.text).toMatch(/Vučić|Vucic/);
      expect(hit.snippet).not.toMatch(/<mark>/);
    }
    expect(passageHits.some((h) => h.text.includes('Vučić'))).toBe(true);
    expect(hits.find((h) => h.type === 'entity')?.id).toBe('aleksandar-vucic');
  });

  it('narrows with --type and cuts with --limit', async () => {
    const workspace = await tempDir();
    const all = (await cli(workspace, 'search', 'NATO', '--limit', '500')).json as Array<{ type: string; id: string }>;
    const limited = (await cli(workspace, 'search', 'NATO', '--limit', '3')).json as Array<{ type: string; id: string }>;
    expect(limited).toHaveLength(3);
    expect(limited.map((h) => h.id)).toEqual(all.slice(0, 3).map((h) => h.id));

    const recommendations = (await cli(workspace, 'search', 'NATO', '--type', 'recommendation', '--limit', '500')).json as Array<{ type: string }>;
    expect(recommendations.length).toBe(all.filter((h) => h.type === 'recommendation').length);
    expect(recommendations.every((h) => h.type === 'recommendation')).toBe(true);
  });

  it('finds an annotation made with the CLI', async () => {
    const workspace = await tempDir();
    const passage = [...(await passagesById()).values()].find((p) => p.kind === 'paragraph' && p.text.includes('Banjska'))!;
    const made = await cli(workspace, 'annotate', passage.id, '--quote', 'Banjska', '--note', 'zeppelin hangar');
    expect(made.code).toBe(0);
    const hits = (await cli(workspace, 'search', 'zeppelin', '--type', 'annotation')).json as Array<{ id: string; docId: string; text: string }>;
    expect(hits).toEqual([expect.objectContaining({ id: made.json.id, docId: passage.docId, text: 'Banjska\nzeppelin hangar' })]);
  });

  it('prints an empty list for no results and refuses bad options with exit code 2', async () => {
    const workspace = await tempDir();
    expect((await cli(workspace, 'search', 'qqxxzzyy')).json).toEqual([]);
    for (const args of [['search', 'x', '--limit', '0'], ['search', 'x', '--limit', 'ten'], ['search', 'x', '--type', 'document'], ['search']]) {
      const run = await cli(workspace, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.json.error.code).toBe('USAGE');
    }
  });
});
