import { execFileSync } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedCorpusFile } from '../../../electron/core/corpus/checked-corpus.js';
import { corpusFile, loadCorpus } from '../../../electron/core/corpus/load.js';
import { CorpusSchema } from '../../../electron/core/corpus/schema.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { rejection } from '../../helpers/workbench-error.js';
import { repoRoot } from './parsed-seeds.js';

const tempDir = useTempDirs();
const resourcesDir = join(repoRoot, 'resources');

/** A copy of resources/corpus's two files that a test may change. */
async function copiedResources(): Promise<string> {
  const dir = await tempDir();
  await cp(join(resourcesDir, 'corpus', 'corpus.json'), corpusFile(dir));
  await cp(checkedCorpusFile(resourcesDir), checkedCorpusFile(dir));
  return dir;
}

describe('the checked corpus stamp', () => {
  it('is what sha256sum says of the committed corpus.json', () => {
    const output = execFileSync('sha256sum', ['--check', 'corpus.json.sha256'], { cwd: join(resourcesDir, 'corpus'), encoding: 'utf8' });
    expect(output.trim()).toBe('corpus.json: OK');
  });

  it('lets the core skip the schema for the bytes the build checked, with the same corpus as a full check', async () => {
    const text = await readFile(corpusFile(resourcesDir), 'utf8');
    expect(await loadCorpus(resourcesDir)).toEqual(CorpusSchema.parse(JSON.parse(text)));
  });

  it('validates in full when the stamp is missing, and loads the same corpus', async () => {
    const dir = await copiedResources();
    await rm(checkedCorpusFile(dir));
    expect(await loadCorpus(dir)).toEqual(await loadCorpus(resourcesDir));
  });

  it('does not vouch for changed bytes: a damaged corpus under an old stamp is refused as CORRUPT', async () => {
    const dir = await copiedResources();
    const corpus = JSON.parse(await readFile(corpusFile(dir), 'utf8'));
    corpus.passages[0].text = 42;
    await writeFile(corpusFile(dir), JSON.stringify(corpus));
    const error = await rejection(loadCorpus(dir));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain('does not match its schema');
  });

  it('ignores a stamp that is not a digest', async () => {
    const dir = await copiedResources();
    const corpus = JSON.parse(await readFile(corpusFile(dir), 'utf8'));
    corpus.schemaVersion = 'two';
    await writeFile(corpusFile(dir), JSON.stringify(corpus));
    await writeFile(checkedCorpusFile(dir), 'not a digest\n');
    expect((await rejection(loadCorpus(dir))).code).toBe('CORRUPT');
  });
});
