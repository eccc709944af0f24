import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { citationStyleIds } from '../../../electron/core/citations';
import { useCores } from '../../helpers/core';
import { rejection } from '../../helpers/workbench-error';
import { paragraphOf } from '../drafts-api/helpers';
import { readZipEntry, wordText } from '../drafts/zip';
import { call, fixture } from './support';

/**
 * Drafts cite references by key: `[@judah2008, 12]` in Markdown, formatted by citeproc in
 * every style the app offers, listed in the bibliography beside cited papers, and carried by
 * every export (HTML, Markdown + CSL-JSON that Pandoc resolves, DOCX, PDF).
 */
const openCore = useCores();
const brief = paragraphOf(/How to Advance Kosovo-NATO Relations/);
let root: string;
let core: Core;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workbench-cite-references-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function draftCitingReferences(style: (typeof citationStyleIds)[number] = 'chicago-author-date') {
  core = await openCore(join(root, `ws-${style}-${Date.now()}`));
  await call(core, 'import.file', { path: fixture('better-bibtex.bib') });
  await call(core, 'import.file', { path: fixture('zotero-csl.json') });
  const markdown = [
    '---',
    'title: "Policing and statehood"',
    '---',
    '',
    `Kosovo's statehood is contested [@judah2008, 12]. Trust in the police fell [@kcss2019barometer].`,
    '',
    `The alliance's view [@${brief.id}]; a later review [see @balkans2023, pp. 3-4].`,
  ].join('\n');
  return call(core, 'drafts.create', { markdown, style });
}

describe('citing references in drafts', () => {
  it('Markdown keys become reference citations that format in every style, in the text and the bibliography', async () => {
    const draft = await draftCitingReferences();
    const citations = JSON.stringify(draft.content).match(/"targetKind":"reference"/g);
    expect(citations).toHaveLength(3);
    const expected: Record<string, { text: RegExp; entry: RegExp }> = {
      'chicago-author-date': { text: /^\(Judah 2008, 12\)$/, entry: /^Judah, Tim\. 2008\. Kosovo: What Everyone Needs to Know\. Oxford: Oxford University Press\./ },
      apa: { text: /^\(Judah, 2008, p\. 12\)$/, entry: /^Judah, T\. \(2008\)\. Kosovo: What Everyone Needs to Know\. Oxford University Press\. https:\/\/doi\.org\/10\.1093\/wentk\/9780195376739\.001\.0001$/ },
      // The bundled Chicago notes style writes short notes, with the file's `shorttitle`.
      'chicago-note-bibliography': { text: /^Judah, Kosovo, 12\.$/, entry: /^Judah, Tim\. Kosovo: What Everyone Needs to Know\. Oxford: Oxford University Press, 2008\./ },
    };
    for (const style of citationStyleIds) {
      const formatted = await call(core, 'drafts.format', { content: draft.content, style });
      expect(formatted.citations.some((citation) => citation.missing)).toBe(false);
      expect(formatted.citations[0]!.text, style).toMatch(expected[style]!.text);
      const entries = formatted.bibliography.entries.map((entry) => entry.text);
      // Three references and the cited paper, one entry each.
      expect(entries, style).toHaveLength(4);
      expect(entries.find((entry) => entry.includes('Judah')), style).toMatch(expected[style]!.entry);
      expect(entries.some((entry) => entry.includes('Kosovar Centre for Security Studies') && entry.includes('Kosovo Security Barometer')), style).toBe(true);
      expect(entries.some((entry) => entry.includes('Balkans Policy Research Group')), style).toBe(true);
      expect(entries.some((entry) => entry.includes(brief.title)), style).toBe(true);
    }
  });

  it('every export carries them: HTML, DOCX, PDF, and Markdown + CSL-JSON that Pandoc resolves without a warning', async () => {
    const draft = await draftCitingReferences('apa');
    const html = (await call(core, 'drafts.export', { id: draft.id, format: 'html' })).data;
    expect(html).toContain('(Judah, 2008, p. 12)');
    expect(html).toMatch(/Judah, T\. \(2008\)\. <i>Kosovo: What Everyone Needs to Know<\/i>\. Oxford University Press\./);

    const docx = wordText(readZipEntry(Buffer.from((await call(core, 'drafts.export', { id: draft.id, format: 'docx' })).data, 'base64'), 'word/document.xml')!);
    expect(docx).toContain('(Judah, 2008, p. 12)');
    expect(docx).toContain('Kosovar Centre for Security Studies. (2019). Kosovo Security Barometer: Ninth Edition');

    const md = await call(core, 'drafts.export', { id: draft.id, format: 'md' });
    expect(md.data).toContain('[@judah2008, p. 12]');
    expect(md.data).toContain('[see @balkans2023, pp. 3-4]');
    const items = JSON.parse(md.companions[0]!.data) as Array<{ id: string }>;
    expect(items.map((item) => item.id).sort()).toEqual(['balkans2023', brief.docId, 'judah2008', 'kcss2019barometer'].sort());
    const dir = await mkdtemp(join(root, 'pandoc-'));
    await writeFile(join(dir, md.fileName), md.data);
    await writeFile(join(dir, md.companions[0]!.fileName), md.companions[0]!.data);
    const pandoc = spawnSync('pandoc', ['--citeproc', '-t', 'plain', '--wrap=none', '--csl', join(process.cwd(), 'resources/csl/apa.csl'), md.fileName], { cwd: dir, encoding: 'utf8' });
    expect(pandoc.status, pandoc.stderr).toBe(0);
    // Pandoc warns "Citeproc: citation judah2008 not found" and prints "???" for a key it cannot resolve.
    expect(pandoc.stderr).not.toMatch(/not found|WARNING/i);
    expect(pandoc.stdout).not.toContain('???');
    expect(pandoc.stdout).toContain('(Judah, 2008, p. 12)');
    expect(pandoc.stdout).toContain('(Kosovar Centre for Security Studies, 2019)');
    expect(pandoc.stdout).toMatch(/Judah, T\. \(2008\)\. Kosovo: What Everyone Needs to Know\. Oxford University Press\./);

    // The Markdown comes back in as the same citations.
    const again = await call(core, 'drafts.create', { markdown: md.data });
    expect(JSON.stringify(again.content).match(/"targetKind":"reference"/g)).toHaveLength(3);

    const pdf = await call(core, 'drafts.exportPdf', { id: draft.id });
    const pdfFile = join(dir, 'draft.pdf');
    await writeFile(pdfFile, Buffer.from(pdf.data, 'base64'));
    const text = spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text.stdout).toContain('(Judah, 2008, p. 12)');
    expect(text.stdout).toMatch(/Judah, T\. \(2008\)\. Kosovo: What Everyone Needs to Know/);
  }, 60_000);

  it('a cited reference is deleted only when confirmed, shows as not found until undone; drafts.appendCitation cites a reference by its id', async () => {
    const draft = await draftCitingReferences();
    const judah = (await call(core, 'references.list', { query: 'judah' }))[0]!;
    // Cited, it is deleted only when told so; the refusal names the draft and changes nothing.
    expect(await call(core, 'references.citedIn', { id: judah.id })).toEqual([{ draftId: draft.id, title: 'Policing and statehood', citations: 1, trashed: false }]);
    const refused = await rejection(call(core, 'references.delete', { id: judah.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe('judah2008 is cited in a draft: “Policing and statehood”. Deleted, those citations would show as not found; delete it anyway to confirm.');
    expect((await call(core, 'references.list', {})).map((view) => view.citationKey)).toContain('judah2008');
    expect(await call(core, 'references.delete', { id: judah.id, cited: 'delete' })).toMatchObject({ deleted: { citationKey: 'judah2008' }, citedIn: [{ draftId: draft.id }] });
    const without = await call(core, 'drafts.format', { content: draft.content, style: 'apa' });
    expect(without.citations[0]).toMatchObject({ missing: true });
    await call(core, 'references.undo', {});
    const back = await call(core, 'drafts.format', { content: draft.content, style: 'apa' });
    expect(back.citations[0]!.text).toBe('(Judah, 2008, p. 12)');

    const appended = await call(core, 'drafts.appendCitation', { id: draft.id, citation: { targetKind: 'reference', targetId: judah.id, docId: judah.id, locator: '40' } });
    const formatted = await call(core, 'drafts.format', { content: appended.content, style: 'apa' });
    expect(formatted.citations.at(-1)!.text).toBe('(Judah, 2008, p. 40)');
  });
});

describe('reference files of a draft citing references', () => {
  it('BibTeX and RIS exports keep journal, volume, issue and pages, and read back into the same references', async () => {
    core = await openCore(join(root, `ws-files-${Date.now()}`));
    await call(core, 'import.file', { path: fixture('better-bibtex.bib') });
    const draft = await call(core, 'drafts.create', { markdown: 'Agreements [@bieber2015kosovo, 290]; forces [@nato2022].' });
    const bib = (await call(core, 'drafts.export', { id: draft.id, format: 'bibtex' })).data;
    expect(bib).toContain('@article{bieber2015kosovo,');
    expect(bib).toContain('journal = {Review of Central and East European Law}');
    expect(bib).toContain('pages = {285--319}');
    expect(bib).toContain('@incollection{nato2022,');
    expect(bib).toContain('booktitle = {Security Sector Reform in the Western Balkans}');
    const ris = (await call(core, 'drafts.export', { id: draft.id, format: 'ris' })).data;
    expect(ris).toContain('TY  - CHAP\r\n');
    expect(ris).toContain('T2  - Review of Central and East European Law\r\nVL  - 40\r\nIS  - 3-4\r\nSP  - 285\r\nEP  - 319\r\n');

    // Read back by the importer (citation-js) into a fresh library: the same works and fields.
    const other = await openCore(join(root, `ws-files-back-${Date.now()}`));
    for (const [name, data] of [['draft.bib', bib], ['draft.ris', ris]] as const) {
      const file = join(root, `${Date.now()}-${name}`);
      await writeFile(file, data);
      await call(other, 'import.file', { path: file });
    }
    const back = await call(other, 'references.list', {});
    // The RIS copy merged into the BibTeX one (same DOI; same title, first author and year).
    expect(back.map((view) => view.citationKey).sort()).toEqual(['bieber2015kosovo', 'nato2022']);
    const bieber = back.find((view) => view.citationKey === 'bieber2015kosovo')!.item;
    expect(bieber).toMatchObject({ type: 'article-journal', 'container-title': 'Review of Central and East European Law', volume: '40', issue: '3-4', page: '285-319', DOI: '10.1163/15730352-04003009' });
    expect(bieber.author?.map((name) => name.family)).toEqual(['Bieber', 'Vučić', 'Radojičić']);
    expect(back.find((view) => view.citationKey === 'nato2022')!.item).toMatchObject({ type: 'chapter', 'container-title': 'Security Sector Reform in the Western Balkans', author: [{ literal: 'North Atlantic Treaty Organization' }] });
  });
});
