import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { libraryCollection } from '../../../electron/core/import';
import { inspectZip } from '../../../electron/core/zip/inspect-zip';
import { DOCX_LIMITS } from '../../../electron/core/zip/zip-limits';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { interviewDocx } from '../import/support/interview-docx';
import { buildZip, docxEntries } from '../import/support/zip-builder';
import { documentFolders, failure, pdf } from './support';

const tempDir = useTempDirs();
const openCore = useCores();

async function imported(core: Core, filePath: string, extra: object = {}): Promise<any> {
  const result = await core.dispatch('import.file', { path: filePath, ...extra });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Nothing of a refused file is left: no folder, no library entry, nothing listed. */
async function expectUntouched(core: Core, workspace: string): Promise<void> {
  expect(await documentFolders(workspace)).toEqual([]);
  expect([...core.workspace.records(libraryCollection).values()]).toEqual([]);
  expect(core.corpus.allDocuments().filter((d) => d.origin !== 'bundled')).toEqual([]);
}

/** Writes `bytes` as `name` in the workspace and imports it, expecting a refusal. */
async function refusedImport(core: Core, workspace: string, name: string, bytes: Uint8Array): Promise<{ code: string; message: string; details?: any }> {
  const file = path.join(workspace, name);
  await fs.writeFile(file, bytes);
  return failure(core, 'import.file', { path: file });
}

const XML_ROW = Buffer.from('<w:p><w:r><w:t>Kosovo Kosovo Kosovo Kosovo Kosovo Kosovo Kosovo Kosovo</w:t></w:r></w:p>'.repeat(1024));

describe('hostile and damaged files', () => {
  it('refuses a Word "zip bomb" from its zip directory, before inflating it, and stays usable', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    // 300 MB of XML in a file of a few hundred KB.
    const bomb = await buildZip(docxEntries({ name: 'word/document.xml', chunk: XML_ROW, repeat: Math.ceil((300 * 1024 * 1024) / XML_ROW.length) }));
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const file = path.join(workspace, 'interview-bomb.docx');
    await fs.writeFile(file, bomb);

    const error = await failure(core, 'import.file', { path: file });
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toContain('“interview-bomb.docx” was not imported');
    expect(error.message).toMatch(/more than the 128 MB allowed for one part|zip bomb/);
    expect(error.details).toMatchObject({ entry: 'word/document.xml' });
    await expectUntouched(core, workspace);

    // The core goes on: a real Word transcript imports right after.
    const docx = path.join(workspace, 'interview.docx');
    await fs.writeFile(docx, await interviewDocx());
    expect((await imported(core, docx)).passages).toBeGreaterThan(3);
  });

  it('refuses a bomb whose directory lies about its size, while inflating, at the size it claimed', async () => {
    const liar = await buildZip(docxEntries({ name: 'word/document.xml', chunk: XML_ROW, repeat: 2000, claimedSize: 4096 }));
    // The directory alone looks harmless…
    expect((await inspectZip(liar, 'liar.docx', DOCX_LIMITS)).totalUncompressed).toBeLessThan(10_000);
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const error = await refusedImport(core, workspace, 'liar.docx', liar);
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toContain('“word/document.xml” inside it');
    expect(error.details).toMatchObject({ reason: 'entry-size' });
    await expectUntouched(core, workspace);
  });

  it('refuses a Word file with a path that climbs out of its folder (zip slip)', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const entries = docxEntries({ name: 'word/document.xml', chunk: Buffer.from('<w:document/>') });
    const slip = await buildZip([...entries, { name: '../../../../tmp/evil.sh', chunk: Buffer.from('echo owned') }]);
    const error = await refusedImport(core, workspace, 'slip.docx', slip);
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toContain('“../../../../tmp/evil.sh”, which climbs out of its folder');
    expect(error.details).toMatchObject({ reason: 'zip-slip' });
    await expectUntouched(core, workspace);
    await expect(inspectZip(await buildZip([{ name: '/etc/passwd', chunk: Buffer.from('x') }]), 'abs.zip', DOCX_LIMITS)).rejects.toMatchObject({ message: expect.stringContaining('is an absolute path') });
    await expect(inspectZip(await buildZip([{ name: 'C:\\Windows\\evil.dll', chunk: Buffer.from('x') }]), 'drive.zip', DOCX_LIMITS)).rejects.toMatchObject({ message: expect.stringContaining('names a drive') });
  });

  it('refuses random bytes named .md or .txt as not text', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    // Without NUL bytes, so that only reading the whole file can tell.
    const noise = Buffer.from([...randomBytes(4000)].map((b) => (b === 0 ? 1 : b)));
    for (const name of ['notes.md', 'transcript.txt']) {
      const file = path.join(workspace, name);
      await fs.writeFile(file, noise);
      const error = await failure(core, 'import.file', { path: file });
      expect(error.code).toBe('CORRUPT');
      expect(error.message).toContain(`“${name}” is named like a text file but does not hold text`);
    }
    await fs.writeFile(path.join(workspace, 'zeros.md'), Buffer.concat([Buffer.from('# Notes\n'), Buffer.alloc(100)]));
    expect((await failure(core, 'import.file', { path: path.join(workspace, 'zeros.md') })).message).toContain('does not hold text');
    await expectUntouched(core, workspace);
  });

  it('refuses a 50 MB text file up front, saying how to split it', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const file = path.join(workspace, 'all-interviews.txt');
    const paragraph = Buffer.from('Q: How safe do you feel in Zvečan today?\nA: Safer than last year, but the checkpoints remain.\n\n');
    const handle = await fs.open(file, 'w');
    for (let written = 0; written < 50 * 1024 * 1024; written += paragraph.length * 1000) await handle.write(Buffer.concat(Array(1000).fill(paragraph)));
    await handle.close();
    const error = await failure(core, 'import.file', { path: file });
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toMatch(/“all-interviews\.txt” holds 50 MB of text, more than the 16 MB one document can hold/);
    expect(error.message).toContain('Split it into smaller files');
    await expectUntouched(core, workspace);
  });

  it('cuts a text without blank lines into passages of bounded length', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const file = path.join(workspace, 'one-long-paragraph.txt');
    const sentence = 'The municipal assembly in Leposavić met again after the boycott ended. ';
    await fs.writeFile(file, sentence.repeat(3000));
    const result = await imported(core, file);
    const passages = core.corpus.passages(result.documentId);
    expect(passages.length).toBeGreaterThan(40);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(4000);
      expect(passage.text).toMatch(/ended\.$/);
    }
  });

  it('does not leave a ghost of the fuzzed PDF: a clear error each time, never "already in your library"', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await failure(core, 'import.file', { path: pdf('poppler-937-0-fuzzed.pdf') });
      expect(error.code).toBe('CORRUPT');
      expect(error.message).toContain('“poppler-937-0-fuzzed.pdf” could not be read as a PDF');
      await expectUntouched(core, workspace);
    }
  });

  it('checks the password before the duplicate: a wrong password on an imported file is a wrong password', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const first = await imported(core, pdf('issue6010_1.pdf'), { password: 'abc' });
    const wrong = await failure(core, 'import.file', { path: pdf('issue6010_1.pdf'), password: 'abd' });
    expect(wrong.code).toBe('PASSWORD_INCORRECT');
    const missing = await failure(core, 'import.file', { path: pdf('issue6010_1.pdf') });
    expect(missing.code).toBe('PASSWORD_REQUIRED');
    const duplicate = await failure(core, 'import.file', { path: pdf('issue6010_1.pdf'), password: 'abc' });
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.details).toMatchObject({ existingDocumentId: first.documentId });
    expect(await documentFolders(workspace)).toEqual([first.documentId]);
  });
});
