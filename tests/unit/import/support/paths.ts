import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const pdfFixtures = path.resolve(repoRoot, '../shared/fixtures/pdfs');
export const transcriptFixtures = path.resolve(repoRoot, 'tests/fixtures/transcripts');

export const fixturePdf = (name: string) => path.join(pdfFixtures, name);

export async function readFixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(fixturePdf(name)));
}

export async function tempWorkspace(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'fw-import-'));
}

/** Every path under a folder, relative to it, sorted: what an import left on disk. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.map(String).sort();
}
