import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../../../electron/core/corpus/build.js';
import { CorpusSchema } from '../../../electron/core/corpus/schema.js';
import { repoRoot, seedsDir } from './parsed-seeds.js';

/**
 * resources/corpus is committed so that a fresh checkout runs without building it. This test
 * rebuilds it from seeds/ into a temporary folder and compares bytes: if it fails, run
 * `npm run corpus` and commit the result.
 */
describe('committed corpus in resources/', () => {
  it('is byte for byte what the build makes from seeds/ today', async () => {
    const out = mkdtempSync(join(tmpdir(), 'corpus-build-'));
    try {
      const { corpus } = await buildCorpus({ seedsDir, outDir: out });
      const committed = join(repoRoot, 'resources', 'corpus');

      const json = readFileSync(join(committed, 'corpus.json'), 'utf8');
      expect(json === readFileSync(join(out, 'corpus', 'corpus.json'), 'utf8'), 'corpus.json is stale: run npm run corpus').toBe(true);
      expect(() => CorpusSchema.parse(JSON.parse(json))).not.toThrow();
      const stamp = readFileSync(join(committed, 'corpus.json.sha256'), 'utf8');
      expect(stamp === readFileSync(join(out, 'corpus', 'corpus.json.sha256'), 'utf8'), 'corpus.json.sha256 is stale: run npm run corpus').toBe(true);

      const built = readdirSync(join(out, 'corpus', 'pdf')).sort();
      expect(readdirSync(join(committed, 'pdf')).sort()).toEqual(built);
      expect(built).toEqual(corpus.documents.map((d) => `${d.id}.pdf`).sort());
      for (const name of built) {
        const same = Buffer.compare(readFileSync(join(committed, 'pdf', name)), readFileSync(join(out, 'corpus', 'pdf', name))) === 0;
        expect(same, `${name} is stale: run npm run corpus`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('fills in pages from the typesetter and names each PDF', () => {
    const corpus = CorpusSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'resources', 'corpus', 'corpus.json'), 'utf8')));
    for (const doc of corpus.documents) {
      expect(doc.pdf).toBe(`corpus/pdf/${doc.id}.pdf`);
      expect(doc.pageCount).toBeGreaterThan(1);
      expect(doc.note).toContain(`Typeset by Field Workbench from the source text ${doc.source}`);
      const pages = corpus.passages.filter((p) => p.docId === doc.id).map((p) => p.page);
      expect(Math.max(...pages)).toBeLessThanOrEqual(doc.pageCount);
      // Pages follow reading order within the body.
      const body = corpus.passages.filter((p) => p.docId === doc.id && !p.backMatter).map((p) => p.page);
      expect(body).toEqual([...body].sort((a, b) => a - b));
    }
    const priorities = corpus.footnotes.filter((f) => f.docId === 'kcss-foreign-security-priorities-2026');
    expect(priorities.every((f) => f.page !== undefined && f.page > 1)).toBe(true);
  });
});
