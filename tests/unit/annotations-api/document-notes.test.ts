import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { documentNotesCollection } from '../../../electron/core/annotations';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { cli, passageWith } from './cli-helpers';
import { xmllint } from '../exchange/support';

const tempDir = useTempDirs();
const openCore = useCores();

const PAPER = 'kcss-kosovo-nato-relations-2024';

async function call(core: Core, method: string, args: unknown): Promise<any> {
  const result = await core.dispatch(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

describe('a note on a whole document', () => {
  it('is written on a bundled paper with its author and time, announced, kept over a restart, and removed by empty text', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const user = core.workspace.user.id;
    expect(await call(core, 'annotations.documentNote', { docId: PAPER })).toBeNull();
    expect(await call(core, 'annotations.documentNotes', {})).toEqual([]);

    const events: unknown[] = [];
    const off = core.subscribe('documentNotes.changed', (payload) => events.push(payload));
    const saved = await call(core, 'annotations.setDocumentNote', { docId: PAPER, text: '  Read for chapter 2.\r\n\r\nThe survey figures are on p. 14.  ' });
    expect(saved).toMatchObject({ docId: PAPER, text: 'Read for chapter 2.\n\nThe survey figures are on p. 14.', editedBy: user });
    expect(Date.parse(saved.editedAt)).not.toBeNaN();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([{ docIds: [PAPER] }]);
    off();

    // One record, keyed by the document, with its revision and author in the store.
    const records = core.workspace.records(documentNotesCollection);
    expect(records.size).toBe(1);
    expect(records.entry(PAPER)).toMatchObject({ author: user });
    // The same text again writes nothing.
    await call(core, 'annotations.setDocumentNote', { docId: PAPER, text: 'Read for chapter 2.\n\nThe survey figures are on p. 14.' });
    expect(records.entry(PAPER)!.rev).toMatch(/^1-/);

    await core.close();
    const reopened = await openCore(workspace);
    expect(await call(reopened, 'annotations.documentNote', { docId: PAPER })).toMatchObject({ text: 'Read for chapter 2.\n\nThe survey figures are on p. 14.', editedBy: user });
    expect((await call(reopened, 'annotations.documentNotes', {})).map((note: { docId: string }) => note.docId)).toEqual([PAPER]);

    expect(await call(reopened, 'annotations.setDocumentNote', { docId: PAPER, text: '   ' })).toBeNull();
    expect(await call(reopened, 'annotations.documentNote', { docId: PAPER })).toBeNull();
    expect(reopened.workspace.records(documentNotesCollection).size).toBe(0);
  });

  it('refuses an unknown document, a note too long and extra arguments, and writes nothing', async () => {
    const core = await openCore(await tempDir());
    const unknown = await core.dispatch('annotations.setDocumentNote', { docId: 'no-such-paper', text: 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('annotations.documentNote', { docId: 'no-such-paper' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const long = await core.dispatch('annotations.setDocumentNote', { docId: PAPER, text: 'x'.repeat(20_001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await core.dispatch('annotations.setDocumentNote', { docId: PAPER })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await core.dispatch('annotations.setDocumentNote', { docId: PAPER, text: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(core.workspace.records(documentNotesCollection).size).toBe(0);
  });

  it('opens the document’s section of the annotations Markdown export, escaped, even before any quote', async () => {
    const core = await openCore(await tempDir());
    await call(core, 'annotations.setDocumentNote', { docId: PAPER, text: '# Not a heading\n[a link](javascript:alert(1)) and *stars*' });
    const alone = await call(core, 'annotations.export', { format: 'md', filter: { docId: PAPER } });
    expect(alone.text).toContain('## A Discussion of Kosovo-NATO Relations and Prospects for Greater Cooperation\n\n**Document note**\n\n\\# Not a heading  \n\\[a link\\](javascript:alert(1)) and \\*stars\\*\n');

    const passage = passageWith('accredit a Centre of Excellence (COE) in Kosovo');
    await call(core, 'annotations.setDocumentNote', { docId: passage.docId, text: 'Whole-paper memo' });
    await call(core, 'annotations.create', { passageId: passage.id, quote: 'accredit a Centre of Excellence (COE) in Kosovo', note: 'cheap signal' });
    const all = await call(core, 'annotations.export', { format: 'md' });
    // Only documents with quotes have a section in the whole export; the note opens it, before the quotes.
    expect(all.text).not.toContain('Not a heading');
    const section = all.text.slice(all.text.indexOf('## '));
    expect(section).toMatch(/^## [^\n]+\n\n\*\*Document note\*\*\n\nWhole-paper memo\n\n> /);
    expect(section).toContain('cheap signal');
  });

  it('is read and written by `workbench note DOC [--set TEXT]`', async () => {
    const workspace = await tempDir();
    const empty = await cli(['note', PAPER, '--workspace', workspace]);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toBe(`No note on ${PAPER} yet.`);

    const set = await cli(['note', PAPER, '--set', 'Compare with the 2026 report.', '--json', '--workspace', workspace]);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ docId: PAPER, note: { docId: PAPER, text: 'Compare with the 2026 report.' } });

    const shown = await cli(['note', PAPER, '--workspace', workspace]);
    expect(shown.stdout).toMatch(/^Compare with the 2026 report\.\n\n\(by [a-z0-9-]+, \d{4}-\d{2}-\d{2}T/);

    const cleared = await cli(['note', PAPER, '--set', '', '--json', '--workspace', workspace]);
    expect(JSON.parse(cleared.stdout)).toEqual({ docId: PAPER, note: null });

    const unknown = await cli(['note', 'no-such-paper', '--set', 'x', '--workspace', workspace]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no-such-paper');
  });

  it('is written into its source’s Description in the REFI-QDA project export, which stays valid', async () => {
    const root = await tempDir();
    const core = await openCore(join(root, 'workspace'));
    await call(core, 'annotations.setDocumentNote', { docId: PAPER, text: 'Read for chapter 2 <first>\n& compare' });
    const out = join(root, 'project.qdpx');
    await call(core, 'exchange.exportProject', { out });
    const qde = await (await JSZip.loadAsync(await readFile(out))).file('project.qde')!.async('string');
    const source = new RegExp(`<TextSource [^>]*name="A Discussion of Kosovo-NATO Relations[^"]*"[^>]*>\\s*<Description>([^<]*)</Description>`).exec(qde);
    expect(source?.[1]).toBe('Leureta Lumi, 2024, Kosovar Centre for Security Studies (KCSS)\n\nRead for chapter 2 &lt;first&gt;\n&amp; compare');
    await writeFile(join(root, 'project.qde'), qde);
    expect(await xmllint(join(root, 'project.qde'), 'Project.xsd')).toBe('');
  });

  it('works on an imported document too, and goes with it when it is removed with its annotations', async () => {
    const root = await tempDir();
    const core = await openCore(join(root, 'workspace'));
    await writeFile(join(root, 'interview.md'), '# Interview with a mayor\n\nWe talked about the bridge and the market.\n\nThe police came late.\n');
    const imported = await call(core, 'import.file', { path: join(root, 'interview.md') });
    const saved = await call(core, 'annotations.setDocumentNote', { docId: imported.documentId, text: 'Second interview; ask about the market again.' });
    expect(saved).toMatchObject({ docId: imported.documentId, text: 'Second interview; ask about the market again.' });
    expect((await call(core, 'annotations.documentNotes', {})).map((note: { docId: string }) => note.docId)).toEqual([imported.documentId]);
    await call(core, 'import.remove', { docId: imported.documentId, annotations: 'delete' });
    expect(core.workspace.records(documentNotesCollection).size).toBe(0);
  });
});
