import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../electron/core/cli/program';
import type { Corpus } from '../../../electron/core/corpus/schema';
import { repoRoot } from '../../helpers/core';

/** Runs the CLI in-process, as `bin/workbench.mjs` does, and captures what it prints. */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let corpus: Corpus | undefined;

/** The committed corpus, read once: tests use real passages and ids from it. */
export function bundledCorpus(): Corpus {
  corpus ??= JSON.parse(readFileSync(join(repoRoot, 'resources/corpus/corpus.json'), 'utf8')) as Corpus;
  return corpus;
}

/** A real passage containing `needle`, and the needle as it is spelled there. */
export function passageWith(needle: string): { id: string; docId: string; text: string; page: number } {
  const passage = bundledCorpus().passages.find((candidate) => candidate.text.includes(needle));
  if (!passage) throw new Error(`No passage of the bundled corpus contains "${needle}".`);
  return passage;
}
