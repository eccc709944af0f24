import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localChromiumPath } from '../../../electron/core/drafts/export/print-pdf';
import { useTempDirs } from '../../helpers/temp-dir';
import { cli } from '../annotations-api/cli-helpers';
import { readZipEntry, wordText } from '../drafts/zip';
import { paragraphOf } from './helpers';

const tempDir = useTempDirs();
const discussion = paragraphOf(/Discussion of Kosovo-NATO Relations/);

async function workspaceWithDraft() {
  const dir = await tempDir();
  const workspace = join(dir, 'ws');
  const markdownFile = join(dir, 'paper.md');
  await writeFile(markdownFile, `# Findings\n\nCitizens support membership [see @${discussion.id}, p. 4].\n`);
  const created = await cli(['--workspace', workspace, 'draft', 'create', '--title', 'Kosovo and NATO', '--markdown', markdownFile, '--style', 'apa', '--json']);
  expect(created.code).toBe(0);
  return { dir, workspace, draft: JSON.parse(created.stdout) as { id: string; title: string; style: string } };
}

describe('workbench drafts, draft create and export draft', () => {
  it('creates a draft from Markdown and lists it', async () => {
    const { workspace, draft } = await workspaceWithDraft();
    expect(draft).toMatchObject({ title: 'Kosovo and NATO', style: 'apa' });
    expect(draft.id).toMatch(/^draft-/);
    const listed = await cli(['--workspace', workspace, 'drafts', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: draft.id, title: 'Kosovo and NATO', citationCount: 1, wordCount: 4 }]);
    const human = await cli(['--workspace', workspace, 'drafts']);
    expect(human.stdout).toContain('Kosovo and NATO');
  });

  it('exports DOCX and Markdown with its CSL-JSON beside it', async () => {
    const { dir, workspace, draft } = await workspaceWithDraft();
    const docxFile = join(dir, 'out.docx');
    const docx = await cli(['--workspace', workspace, 'export', 'draft', draft.id, '--format', 'docx', '--out', docxFile, '--json']);
    expect(docx.code).toBe(0);
    const text = wordText(readZipEntry(await readFile(docxFile), 'word/document.xml')!);
    expect(text).toContain('(see Lumi, 2024, p. 4)');
    expect(text).toMatch(/References.*Lumi, L\. \(2024\)/);

    const mdFile = join(dir, 'out.md');
    const md = await cli(['--workspace', workspace, 'export', 'draft', draft.id, '--format', 'md', '--out', mdFile, '--json']);
    expect(JSON.parse(md.stdout)).toMatchObject({ file: mdFile, format: 'md', companions: [join(dir, 'kosovo-and-nato.json')] });
    expect(await readFile(mdFile, 'utf8')).toContain(`[see @${discussion.docId}, p. 4]`);
    const items = JSON.parse(await readFile(join(dir, 'kosovo-and-nato.json'), 'utf8')) as Array<{ id: string }>;
    expect(items.map((item) => item.id)).toEqual([discussion.docId]);

    const html = await cli(['--workspace', workspace, 'export', 'draft', draft.id, '--format', 'html']);
    expect(html.stdout).toContain('<h2>References</h2>');

    // --keys passage: the file names the passage, and a draft made from it cites that passage again.
    const passagesFile = join(dir, 'passages.md');
    expect((await cli(['--workspace', workspace, 'export', 'draft', draft.id, '--format', 'md', '--keys', 'passage', '--out', passagesFile])).code).toBe(0);
    expect(await readFile(passagesFile, 'utf8')).toContain(`[see @${discussion.id}, p. 4]`);
    const again = await cli(['--workspace', workspace, 'draft', 'create', '--markdown', passagesFile, '--json']);
    expect(JSON.stringify(JSON.parse(again.stdout).content)).toContain(`"targetId":"${discussion.id}"`);
  });

  it('prints PDF with a local Chromium, or says clearly that it cannot', async () => {
    const { dir, workspace, draft } = await workspaceWithDraft();
    const pdfFile = join(dir, 'out.pdf');
    const result = await cli(['--workspace', workspace, 'export', 'draft', draft.id, '--format', 'pdf', '--out', pdfFile, '--json']);
    if (localChromiumPath()) {
      expect(result.code).toBe(0);
      expect((await readFile(pdfFile)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } else {
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).error.code).toBe('UNSUPPORTED');
    }
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const { dir, workspace, draft } = await workspaceWithDraft();
    const badFormat = await cli(['--workspace', workspace, 'export', 'draft', draft.id, '--format', 'odt', '--out', join(dir, 'x.odt'), '--json']);
    expect(badFormat.code).toBe(1);
    expect(JSON.parse(badFormat.stdout).error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(existsSync(join(dir, 'x.odt'))).toBe(false);

    const badStyle = await cli(['--workspace', workspace, 'draft', 'create', '--title', 'X', '--style', 'mla', '--json']);
    expect(JSON.parse(badStyle.stdout).error.code).toBe('BAD_REQUEST');
    const missingFile = await cli(['--workspace', workspace, 'draft', 'create', '--markdown', join(dir, 'nope.md'), '--json']);
    expect(JSON.parse(missingFile.stdout).error.code).toBe('IO');
    const binaryToStdout = await cli(['--workspace', workspace, 'export', 'draft', draft.id, '--format', 'docx', '--json']);
    expect(JSON.parse(binaryToStdout.stdout).error.message).toMatch(/--out/);
    const badKeys = await cli(['--workspace', workspace, 'export', 'draft', draft.id, '--format', 'md', '--keys', 'paragraph', '--json']);
    expect(JSON.parse(badKeys.stdout).error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Use document or passage') });
    const unknownDraft = await cli(['--workspace', workspace, 'export', 'draft', 'draft-nope', '--format', 'md']);
    expect(unknownDraft.code).toBe(1);
    expect(unknownDraft.stderr).toMatch(/No draft with id "draft-nope"/);

    expect(JSON.parse((await cli(['--workspace', workspace, 'drafts', '--json'])).stdout)).toHaveLength(1);
  });
});
