import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { repoRoot } from '../../helpers/core';

export { call } from '../team/support';

export const fixturesDir = resolve(repoRoot, 'tests/fixtures/qdpx');
export const refiDir = resolve(repoRoot, '../shared/refi-qda');

/** Zips a fixture folder (project.qde and Sources/) into a .qdpx, as the tools do. */
export async function zipFixture(name: string, out: string): Promise<string> {
  const dir = join(fixturesDir, name);
  const zip = new JSZip();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else zip.file(relative(dir, path).split('\\').join('/'), await readFile(path));
    }
  };
  await walk(dir);
  await writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

/** xmllint's verdict on an XML file against one of the REFI-QDA schemas: '' when valid, else its complaints. */
export async function xmllint(file: string, schema: 'Project.xsd' | 'Codebook.xsd'): Promise<string> {
  try {
    await promisify(execFile)('xmllint', ['--noout', '--schema', join(refiDir, schema), file]);
    return '';
  } catch (error) {
    return (error as { stderr?: string }).stderr ?? String(error);
  }
}

/** A selection's text as a REFI-QDA reader takes it: code points startPosition..endPosition. */
export function selectCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
