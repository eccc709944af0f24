import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectCitations } from '../../../electron/core/drafts';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { readZipEntry, wordText } from '../drafts/zip';
import { callers } from './helpers';

const tempDir = useTempDirs();
const openCore = useCores();

const cellText = (cell: { content?: Array<{ content?: Array<{ text?: string }> }> }) => (cell.content ?? []).flatMap((p) => p.content ?? []).map((n) => n.text ?? '').join('');

describe('drafts.appendTable: evidence cited as a table', () => {
  it('a figure group becomes a table whose rows cite their passages, formatted in the draft’s style, in the bibliography and in every export', async () => {
    const workspace = await tempDir();
    const core = await openCore(workspace);
    const { call } = callers(core);
    const group = (await call('evidence.figures', {})).find((g) => g.subject === 'KFOR · troops')!;
    expect(group.differ).toBe(true);
    const table = await call('evidence.citationTable', { of: 'figures', key: group.key });
    expect(table.columns).toEqual(['Value', 'Unit', 'Figure', 'As of', 'Paper']);
    expect(table.rows.map((row) => row.citations.map((c) => c.targetId))).toEqual(group.figures.map((f) => [f.passageId]));

    const draft = await call('drafts.create', { title: 'KFOR compared' });
    const appended = await call('drafts.appendTable', { id: draft.id, table });
    // The new draft's empty paragraph gives way: caption, table, and a paragraph to go on typing.
    expect(appended.content.content.map((block) => block.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const rows = appended.content.content[1]!.content!;
    expect(rows).toHaveLength(group.figures.length + 1);
    expect(rows[0]!.content!.map(cellText)).toEqual(['Value', 'Unit', 'Figure', 'As of', 'Paper', 'Source']);
    const nearly = group.figures.find((f) => f.label === 'nearly 3,800 KFOR troops')!;
    const row = rows.find((r) => cellText(r.content![2]!) === nearly.label)!;
    expect(row.content!.slice(0, 2).map(cellText)).toEqual(['3,800', nearly.unit]);
    expect(row.content![4]).toBeDefined();
    expect(cellText(row.content![4]!)).toBe(core.corpus.document(nearly.docId).title);
    // Each citation points at its figure's passage, with the page as its locator.
    expect(collectCitations(appended.content).map((c) => c.target)).toEqual(group.figures.map((f) => ({ kind: 'passage', id: f.passageId, docId: f.docId })));

    const formatted = await call('drafts.format', { content: appended.content, style: appended.style });
    expect(formatted.citations).toHaveLength(group.figures.length);
    expect(formatted.citations.every((c) => !c.missing && c.passageId)).toBe(true);
    const papers = [...new Set(group.figures.map((f) => core.corpus.document(f.docId).title))];
    expect(papers.length).toBeGreaterThan(1);
    const bibliography = formatted.bibliography.entries.map((entry) => entry.text).join('\n');
    for (const title of papers) expect(bibliography).toContain(title);

    // HTML: a table whose rows hold the figure and the citation as the style prints it.
    const html = (await call('drafts.export', { id: draft.id, format: 'html' })).data;
    const tableHtml = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    expect(tableHtml).toContain(nearly.label);
    const nearlyCitation = formatted.citations[group.figures.indexOf(nearly)]!.text;
    expect(tableHtml).toContain(nearlyCitation.replace(/&/g, '&amp;'));

    // Markdown: a pipe table whose source cells are Pandoc citations that Pandoc formats from the CSL-JSON beside it.
    const md = await call('drafts.export', { id: draft.id, format: 'md' });
    const tableLine = md.data.split('\n').find((line) => line.startsWith('|') && line.includes(nearly.label))!;
    expect(tableLine).toMatch(/\| \[@[^\]]+\] \|$/);
    writeFileSync(path.join(workspace, md.fileName), md.data);
    for (const companion of md.companions) writeFileSync(path.join(workspace, companion.fileName), companion.data);
    const pandoc = spawnSync('pandoc', ['--citeproc', '--wrap=none', '-t', 'html', md.fileName], { cwd: workspace, encoding: 'utf8' });
    expect(pandoc.status, pandoc.stderr).toBe(0);
    const pandocTable = pandoc.stdout.slice(pandoc.stdout.indexOf('<table'), pandoc.stdout.indexOf('</table>'));
    expect(pandocTable).toContain(nearly.label);
    expect(pandocTable).not.toContain('[@');
    expect(pandocTable.match(/class="citation"/g)).toHaveLength(group.figures.length);

    // DOCX: a Word table with the figure and its formatted citation.
    const docx = await call('drafts.export', { id: draft.id, format: 'docx' });
    const xml = readZipEntry(Buffer.from(docx.data, 'base64'), 'word/document.xml')!;
    const wordTable = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(wordTable.length).toBeGreaterThan(0);
    expect(wordText(wordTable)).toContain(nearly.label);
    expect(wordText(wordTable)).toContain(nearlyCitation);
  });

  it('an event cites each paper’s passages, a network link the passages naming both', async () => {
    const core = await openCore(await tempDir());
    const { call } = callers(core);
    const banjska = (await call('evidence.events', {})).events.find((e) => e.date === '2023-09-24' && /Banjska/.test(e.title))!;
    const eventTable = await call('evidence.citationTable', { of: 'event', eventId: banjska.id });
    expect(eventTable.rows.map((row) => row.cells[0])).toEqual(banjska.sources.map((s) => s.docTitle));
    expect(eventTable.rows.map((row) => row.citations.map((c) => c.targetId))).toEqual(banjska.sources.map((s) => [...new Set(s.passageIds)]));
    expect(eventTable.caption).toContain(banjska.dateLabel);

    const network = await call('evidence.network', { minWeight: 3 });
    const edge = network.edges[0]!;
    const edgeTable = await call('evidence.citationTable', { of: 'edge', source: edge.target, target: edge.source });
    expect(edgeTable.rows.map((row) => row.citations[0]!.targetId)).toEqual(edge.passageIds);
    // Narrowed to one paper, as the view is: only that paper's passages.
    const docId = edgeTable.rows[0]!.citations[0]!.docId;
    const narrowed = (await call('evidence.network', { docIds: [docId] })).edges.find((e) => e.source === edge.source && e.target === edge.target)!;
    const oneTable = await call('evidence.citationTable', { of: 'edge', source: edge.source, target: edge.target, docIds: [docId] });
    expect(oneTable.rows.map((row) => row.citations[0]!.targetId)).toEqual(narrowed.passageIds);
    expect(oneTable.rows.every((row) => row.citations[0]!.docId === docId)).toBe(true);
    expect(narrowed.passageIds.length).toBeLessThan(edge.passageIds.length);

    const draft = await call('drafts.create', {});
    const both = await call('drafts.appendTable', { id: draft.id, table: edgeTable });
    const twice = await call('drafts.appendTable', { id: draft.id, table: eventTable });
    expect(twice.content.content.map((block) => block.type)).toEqual(['paragraph', 'table', 'paragraph', 'table', 'paragraph']);
    expect(collectCitations(twice.content)).toHaveLength(collectCitations(both.content).length + banjska.sources.reduce((n, s) => n + new Set(s.passageIds).size, 0));
  });

  it('refuses what would leave a dangling citation or a broken table, and writes nothing', async () => {
    const core = await openCore(await tempDir());
    const { call, fail } = callers(core);
    const group = (await call('evidence.figures', {}))[0]!;
    const table = await call('evidence.citationTable', { of: 'figures', key: group.key });
    const draft = await call('drafts.create', { title: 'Untouched' });
    const before = (await call('drafts.get', { id: draft.id })).content;
    const first = table.rows[0]!;
    const withCitation = (citation: object) => ({ ...table, rows: [{ ...first, citations: [{ ...first.citations[0]!, ...citation }] }] });
    const refusals: Array<[unknown, string]> = [
      [withCitation({ targetId: 'no-such-passage' }), 'BAD_REQUEST'],
      [withCitation({ docId: core.corpus.allDocuments().find((d) => d.id !== first.citations[0]!.docId)!.id }), 'BAD_REQUEST'],
      [withCitation({ note: 'x' }), 'BAD_REQUEST'],
      [{ ...table, rows: [{ ...first, cells: first.cells.slice(1) }] }, 'BAD_REQUEST'],
      [{ ...table, rows: [{ ...first, citations: [] }] }, 'BAD_REQUEST'],
      [{ ...table, rows: [] }, 'BAD_REQUEST'],
      [{ ...table, script: '<x>' }, 'BAD_REQUEST'],
    ];
    for (const [bad, code] of refusals) expect((await fail('drafts.appendTable', { id: draft.id, table: bad })).code, JSON.stringify(bad).slice(0, 200)).toBe(code);
    expect((await fail('drafts.appendTable', { id: 'no-draft', table })).code).toBe('NOT_FOUND');
    expect((await fail('evidence.citationTable', { of: 'figures', key: 'no-such-group' })).code).toBe('NOT_FOUND');
    expect((await fail('evidence.citationTable', { of: 'event', eventId: 'event-0000-none' })).code).toBe('NOT_FOUND');
    expect((await fail('evidence.citationTable', { of: 'edge', source: 'kfor', target: 'no-entity' })).code).toBe('NOT_FOUND');
    expect((await fail('evidence.citationTable', { of: 'edge', source: 'kfor', target: 'nato', docIds: ['no-such-paper'] })).code).toBe('NOT_FOUND');
    expect((await call('drafts.get', { id: draft.id })).content).toEqual(before);
    await call('drafts.trash', { id: draft.id });
    expect((await fail('drafts.appendTable', { id: draft.id, table })).code).toBe('CONFLICT');
    expect((await call('drafts.get', { id: draft.id })).content).toEqual(before);
  });
});
