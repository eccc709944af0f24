import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/core/cli/program';
import { repoRoot, useCores } from '../../helpers/core';
import { call, selectCodePoints, xmllint, zipFixture } from './support';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workbench-qdpx-cli-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
const openCore = useCores();

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('the CLI', () => {
  it('imports a .qdpx, exports the project and its codebook, and imports the .qdc elsewhere', async () => {
    const workspace = join(root, 'cli-a');
    const qdpx = await zipFixture('qualcoder', join(root, 'north.qdpx'));
    const imported = await cli(['import', qdpx, '--workspace', workspace]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe(
      'Imported the project "north_kosovo_interviews": kept: 2 sources, 4 codes (4 new, 0 merged by name), 3 coded selections, 2 notes, 2 users; skipped: 1 case, 1 variable, 1 memo attached to nothing we keep.',
    );

    const out = join(root, 'again.qdpx');
    const exported = await cli(['export', 'project', '--format', 'qdpx', '--out', out, '--workspace', workspace, '--json']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ file: out, codes: 4, selections: 3, notes: 2 });
    const zip = await JSZip.loadAsync(await readFile(out));
    await writeFile(join(root, 'again.qde'), await zip.file('project.qde')!.async('nodebuffer'));
    expect(await xmllint(join(root, 'again.qde'), 'Project.xsd')).toBe('');

    const qdc = join(root, 'book.qdc');
    expect((await cli(['export', 'codebook', '--format', 'qdc', '--out', qdc, '--workspace', workspace])).code).toBe(0);
    expect(await xmllint(qdc, 'Codebook.xsd')).toBe('');
    const other = join(root, 'cli-b');
    const book = await cli(['import', qdc, '--workspace', other, '--json']);
    expect(JSON.parse(book.stdout)).toMatchObject({ format: 'qdc', topicsCreated: 4, summary: 'kept: 4 codes (4 new, 0 merged by name); skipped: nothing' });
    const topics = await cli(['topics', '--workspace', other]);
    expect(topics.stdout.split('\n')).toEqual(['Economy  (0 quotes, 0 documents)', 'North Kosovo  (0 quotes, 0 documents)', 'Security  (0 quotes, 0 documents)', '  Trust in police  (0 quotes, 0 documents)']);
  });

  it('says what is wrong with a bad format', async () => {
    const result = await cli(['export', 'project', '--format', 'nvp', '--out', join(root, 'x.nvp'), '--workspace', join(root, 'cli-c')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Unknown project format "nvp"\. Use qdpx\./);
  });
});

describe('imported PDFs', () => {
  it('travel as a PDFSource with the PDF and a plain-text representation, and come back as a PDF', async () => {
    const sender = await openCore(join(root, 'pdf-sender'));
    const imported = await call(sender, 'import.file', { path: resolve(repoRoot, '../shared/fixtures/pdfs/tracemonkey.pdf'), ocr: false });
    const passage = sender.corpus.passages(imported.documentId).find((candidate) => candidate.kind === 'paragraph' && candidate.text.length > 100)!;
    const topic = await call(sender, 'topics.create', { name: 'Tracing' });
    const quote = passage.text.slice(0, 60).trim();
    await call(sender, 'annotations.create', { passageId: passage.id, quote, topicIds: [topic.id], note: 'A PDF quote' });
    const out = join(root, 'pdf.qdpx');
    await call(sender, 'exchange.exportProject', { out });

    const zip = await JSZip.loadAsync(await readFile(out));
    const qde = await zip.file('project.qde')!.async('string');
    await writeFile(join(root, 'pdf.qde'), qde);
    expect(await xmllint(join(root, 'pdf.qde'), 'Project.xsd')).toBe('');
    const pdfSource = /<PDFSource guid="([^"]+)"[^>]*path="internal:\/\/([^"]+)">[\s\S]*?<Representation guid="[^"]+"[^>]*plainTextPath="internal:\/\/([^"]+)">([\s\S]*?)<\/Representation>/.exec(qde)!;
    expect(pdfSource).not.toBeNull();
    expect((await zip.file(`Sources/${pdfSource[2]}`)!.async('nodebuffer')).subarray(0, 5).toString()).toBe('%PDF-');
    const text = await zip.file(`Sources/${pdfSource[3]}`)!.async('string');
    const selection = /startPosition="(\d+)" endPosition="(\d+)"/.exec(pdfSource[4]!)!;
    expect(selectCodePoints(text, Number(selection[1]), Number(selection[2]))).toBe(quote);

    const receiver = await openCore(join(root, 'pdf-receiver'));
    const result = await call(receiver, 'import.file', { path: out });
    const document = receiver.corpus.allDocuments().find((candidate) => candidate.origin === 'imported-pdf')!;
    expect(document.pdf).toBe('original.pdf');
    expect(result.project?.documents).toContain(document.id);
    const [annotation] = await call(receiver, 'annotations.list', {});
    expect(annotation).toMatchObject({ docId: document.id, note: 'A PDF quote', target: { selectors: { quote: { exact: quote } } } });
  });
});
