/**
 * The corpus build saves the bundled corpus's search index next to corpus.json, and the app
 * loads that file instead of indexing the corpus at each start. The committed corpus.json is
 * proven current by tests/unit/corpus/resources-up-to-date.test.ts; this proves the committed
 * index is exactly what the build makes from it.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchIndexPath, writeSearchIndex } from '../../../electron/core/corpus/build';
import { CorpusSchema } from '../../../electron/core/corpus/schema';
import { buildIndex, serializeIndex } from '../../../electron/core/search/build-index';
import { corpusToSearchDocuments } from '../../../electron/core/search/corpus-documents';
import { searchIndexFile } from '../../../electron/core/search/area';
import type { SearchResponse } from '../../../electron/core/search/types';
import { resourcesDir } from '../../helpers/core';
import { useSearchCore } from '../search-api/support';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const open = useSearchCore();

async function committedCorpus() {
  return CorpusSchema.parse(JSON.parse(await readFile(join(resourcesDir, 'corpus', 'corpus.json'), 'utf8')));
}

describe('prebuilt search index in resources/', () => {
  it('is byte for byte what the corpus build writes for the committed corpus', async () => {
    const out = await tempDir();
    const written = await writeSearchIndex(await committedCorpus(), out);
    expect(written).toBe(join(out, searchIndexPath));
    expect(searchIndexFile(resourcesDir)).toBe(join(resourcesDir, searchIndexPath));
    const committed = await readFile(searchIndexFile(resourcesDir), 'utf8');
    expect(committed === (await readFile(written, 'utf8')), 'search-index.json is stale: run npm run corpus').toBe(true);
  });

  it('is the one the app searches: a different saved index gives different results', async () => {
    // A resources folder whose saved index holds only the first document's items: if the app
    // rebuilt the index from corpus.json it would find passages of every paper.
    const corpus = await committedCorpus();
    const first = corpus.documents[0]!.id;
    const resources = await tempDir();
    await mkdir(join(resources, 'corpus'), { recursive: true });
    await copyFile(join(resourcesDir, 'corpus', 'corpus.json'), join(resources, 'corpus', 'corpus.json'));
    const subset = corpusToSearchDocuments(corpus).filter((doc) => doc.docId === first);
    await writeFile(searchIndexFile(resources), serializeIndex(buildIndex(subset)));

    const { createCore } = await import('../../../electron/core/core');
    const core = await createCore({ workspaceDir: await tempDir(), resourcesDir: resources, holder: 'a test' });
    try {
      const result = await core.dispatch('search.query', { query: 'Kosovo', limit: 500 });
      if (!result.ok) throw new Error(result.error.message);
      expect(Object.keys((result.value as SearchResponse).facets.document)).toEqual([first]);
    } finally {
      await core.close();
    }

    const { call } = await open(await tempDir());
    const everywhere = await call('search.query', { query: 'Kosovo', limit: 500 });
    expect(Object.keys(everywhere.facets.document).length).toBe(corpus.documents.length);
  });
});
