import { describe, expect, it } from 'vitest';
import { draftsCollection } from '../../../electron/core/drafts';
import { hostPdfExport } from '../../../electron/core/drafts/handlers/host-pdf-export';
import { createCore } from '../../../electron/core/core';
import type { Core } from '../../../electron/core/core';
import type { TiptapNode } from '../../../electron/core/drafts/model';
import { resourcesDir, useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { readZipEntry, wordText } from '../drafts/zip';
import { callers, paragraphOf, recordDraftEvents } from './helpers';

const tempDir = useTempDirs();
const openCore = useCores();

const brief = paragraphOf(/How to Advance Kosovo-NATO Relations/);
const discussion = paragraphOf(/Discussion of Kosovo-NATO Relations/);

function citationsIn(node: TiptapNode): TiptapNode[] {
  return [...(node.type === 'citation' ? [node] : []), ...(node.content ?? []).flatMap(citationsIn)];
}

async function setUp() {
  const core = await openCore(await tempDir());
  return { core, ...callers(core), events: recordDraftEvents(core) };
}

describe('drafts over the dispatch', () => {
  it('creates a draft from Markdown whose citations name a passage, an annotation and a paper', async () => {
    const { core, call, events } = await setUp();
    const quote = brief.text.split(/\s+/).slice(0, 6).join(' ');
    const annotation = await call('annotations.create', { passageId: brief.id, quote });
    const markdown = [
      '---',
      'title: "Kosovo and NATO"',
      '---',
      '',
      '# Membership',
      '',
      `Membership is a shared objective [@${brief.id}] and has been [see @${annotation.id}, p. 2; @${discussion.docId}].`,
    ].join('\n');

    const draft = await call('drafts.create', { markdown, style: 'apa' });
    expect(draft.title).toBe('Kosovo and NATO');
    expect(draft.style).toBe('apa');
    expect(citationsIn(draft.content).map((node) => [node.attrs?.targetKind, node.attrs?.targetId, node.attrs?.locator, node.attrs?.prefix])).toEqual([
      ['passage', brief.id, null, null],
      ['annotation', annotation.id, '2', 'see'],
      ['document', discussion.docId, null, null],
    ]);
    expect(core.workspace.records(draftsCollection).size).toBe(1);
    expect(events.feed).toEqual([{ draftIds: [draft.id] }]);
    expect(events.published).toEqual([[draft.id]]);
    expect(await call('drafts.list', {})).toMatchObject([{ id: draft.id, title: 'Kosovo and NATO', citationCount: 3 }]);
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const { core, call, fail } = await setUp();
    const unknownKey = await fail('drafts.create', { markdown: 'As shown [@no-such-passage].' });
    expect(unknownKey.code).toBe('BAD_REQUEST');
    expect(unknownKey.message).toContain('@no-such-passage');
    expect((await fail('drafts.create', { title: 'T', style: 'mla' })).code).toBe('BAD_REQUEST');
    expect((await fail('drafts.create', { title: 42 })).message).toMatch(/title/);
    expect(core.workspace.records(draftsCollection).size).toBe(0);

    const draft = await call('drafts.create', { title: 'Kept' });
    const badCitation = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'citation', attrs: { targetKind: 'passage' } }] }] };
    const refused = await fail('drafts.save', { id: draft.id, content: badCitation });
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/citation/);
    expect((await call('drafts.get', { id: draft.id })).content).toEqual(draft.content);
    expect((await fail('drafts.get', { id: 'draft-missing' })).code).toBe('NOT_FOUND');
    expect((await fail('drafts.export', { id: draft.id, format: 'odt' })).code).toBe('BAD_REQUEST');
    expect((await fail('drafts.purge', { id: draft.id })).code).toBe('CONFLICT');
    expect(await call('drafts.list', {})).toHaveLength(1);
  });

  it('renames, duplicates, trashes, restores and purges, telling search each time', async () => {
    const { call, events } = await setUp();
    const draft = await call('drafts.create', { title: 'First' });
    expect((await call('drafts.rename', { id: draft.id, title: '  Second  ' })).title).toBe('Second');
    const copy = await call('drafts.duplicate', { id: draft.id });
    expect(copy.title).toBe('Second (copy)');
    await call('drafts.trash', { id: draft.id });
    expect((await call('drafts.list', {})).map((item) => item.id)).toEqual([copy.id]);
    expect((await call('drafts.listTrash', {})).map((item) => item.id)).toEqual([draft.id]);
    await call('drafts.restore', { id: draft.id });
    expect((await call('drafts.listTrash', {})).length).toBe(0);
    await call('drafts.trash', { id: copy.id });
    await call('drafts.purge', { id: copy.id });
    expect((await call('drafts.list', {})).map((item) => item.title)).toEqual(['Second']);
    expect(events.feed.map((event) => event.draftIds[0])).toEqual([draft.id, draft.id, copy.id, draft.id, draft.id, copy.id, copy.id]);
    const found = await call('search.query', { query: 'second', types: ['draft'] });
    expect(found.results.map((result) => result.document.sourceId)).toEqual([draft.id]);
  });

  it('autosaves content and formats citations and the bibliography live in each style', async () => {
    const { call } = await setUp();
    const draft = await call('drafts.create', { title: 'Live' });
    const cite = (passage: typeof brief, locator: string | null = null) => ({
      type: 'citation',
      attrs: { targetKind: 'passage', targetId: passage.id, docId: passage.docId, locator, prefix: null, suffix: null, suppressAuthor: false },
    });
    const content = {
      type: 'doc' as const,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kosovo wants in ' }, cite(brief), { type: 'text', text: ' and says so ' }, cite(discussion, '7')] }],
    };
    const saved = await call('drafts.save', { id: draft.id, content });
    expect(saved.wordCount).toBe(6);
    expect((await call('drafts.get', { id: draft.id })).content).toEqual(content);

    const chicago = await call('drafts.format', { content, style: 'chicago-author-date' });
    expect(chicago.kind).toBe('in-text');
    expect(chicago.citations.map((citation) => citation.passageId)).toEqual([brief.id, discussion.id]);
    expect(chicago.citations[0]!.text).toMatch(new RegExp(`^\\(Ilazi et al\\.,? .*, ${brief.page}\\)$`));
    expect(chicago.citations[1]!.text).toMatch(/^\(Lumi 2024, 7\)$/);
    expect(chicago.bibliography.heading).toBe('References');
    expect(chicago.bibliography.entries.map((entry) => entry.text.slice(0, 12))).toEqual(['Ilazi, Ramad', 'Lumi, Leuret']);

    const apa = await call('drafts.format', { content, style: 'apa' });
    expect(apa.citations[1]!.text).toBe('(Lumi, 2024, p. 7)');
    expect(apa.bibliography.entries[1]!.text).toMatch(/^Lumi, L\. \(2024\)\./);
    // APA sets a report's title in italics; the runs carry that to the screen.
    expect(apa.bibliography.entries[1]!.runs.find((run) => run.italic)?.text).toMatch(/^A discussion of Kosovo-NATO relations/i);

    const notes = await call('drafts.format', { content, style: 'chicago-note-bibliography' });
    expect(notes.kind).toBe('note');
    expect(notes.citations.map((citation) => citation.noteNumber)).toEqual([1, 2]);
    expect(notes.bibliography.heading).toBe('Bibliography');

    await call('drafts.setStyle', { id: draft.id, style: 'apa' });
    expect((await call('drafts.list', {}))[0]).toMatchObject({ style: 'apa', citationCount: 2, wordCount: 6 });
  });

  it('exports DOCX with the formatted citations and bibliography, and Markdown with matching CSL-JSON', async () => {
    const { call } = await setUp();
    const draft = await call('drafts.create', { title: 'Kosovo & NATO', markdown: `Membership [@${brief.id}].\n\nCooperation [@${discussion.id}, p. 4].`, style: 'apa' });

    const docx = await call('drafts.export', { id: draft.id, format: 'docx' });
    expect(docx).toMatchObject({ fileName: 'kosovo-nato.docx', encoding: 'base64' });
    const bytes = Buffer.from(docx.data, 'base64');
    expect(bytes.byteLength).toBe(docx.bytes);
    const text = wordText(readZipEntry(bytes, 'word/document.xml')!);
    expect(text).toContain('(Lumi, 2024, p. 4)');
    expect(text).toContain('References');
    expect(text).toMatch(/Lumi, L\. \(2024\)\. A discussion of Kosovo-NATO relations/i);

    const md = await call('drafts.export', { id: draft.id, format: 'md' });
    expect(md.fileName).toBe('kosovo-nato.md');
    expect(md.data).toContain('bibliography: "kosovo-nato.json"');
    expect(md.data).toContain(`[@${discussion.docId}, p. 4]`);
    const keys = [...md.data.matchAll(/@([\w:.#$%&\-+?<>~/]+)/g)].map((match) => match[1]);
    const items = JSON.parse(md.companions[0]!.data) as Array<{ id: string; title: string }>;
    expect(md.companions[0]!.fileName).toBe('kosovo-nato.json');
    expect(items.map((item) => item.id).sort()).toEqual([...new Set(keys)].sort());

    const bibtex = await call('drafts.export', { id: draft.id, format: 'bibtex' });
    expect(bibtex.data).toContain(`@techreport{${discussion.docId},`);
    const ris = await call('drafts.export', { id: draft.id, format: 'ris' });
    expect(ris.data.match(/^TY {2}- /gm)).toHaveLength(2);
  });

  it('prints PDF through the host printer given the HTML export, and refuses a printer that returns no PDF', async () => {
    const printed: string[] = [];
    let core: Core | undefined;
    const dir = await tempDir();
    let answer = '%PDF-1.7 fake';
    core = await createCore({
      workspaceDir: dir,
      resourcesDir,
      holder: 'a test',
      hostHandlers: {
        'drafts.exportPdf': hostPdfExport(
          () => core!.dispatch,
          async (html) => {
            printed.push(html);
            return new TextEncoder().encode(answer);
          },
        ),
      },
    });
    try {
      const { call, fail } = callers(core);
      const draft = await call('drafts.create', { title: 'Printed', markdown: `Text [@${discussion.id}, p. 4].` });
      const pdf = await call('drafts.exportPdf', { id: draft.id });
      expect(pdf).toMatchObject({ fileName: 'printed.pdf', mimeType: 'application/pdf', encoding: 'base64' });
      expect(Buffer.from(pdf.data, 'base64').toString('latin1')).toBe('%PDF-1.7 fake');
      expect(printed[0]).toContain('(Lumi 2024, 4)');
      answer = '<html>not a pdf</html>';
      expect((await fail('drafts.exportPdf', { id: draft.id })).message).toMatch(/did not produce a PDF/);
    } finally {
      await core.close();
    }
  });

  it('answers UNSUPPORTED for PDF without a host printer or a Chromium to print with', async () => {
    const { call, fail } = await setUp();
    const draft = await call('drafts.create', { title: 'No printer' });
    const saved = process.env.WORKBENCH_CHROMIUM;
    process.env.WORKBENCH_CHROMIUM = '/nonexistent/chromium';
    try {
      const error = await fail('drafts.exportPdf', { id: draft.id });
      expect(error.code).toBe('UNSUPPORTED');
      expect(error.message).toMatch(/Chromium/);
    } finally {
      if (saved === undefined) delete process.env.WORKBENCH_CHROMIUM;
      else process.env.WORKBENCH_CHROMIUM = saved;
    }
  });
});

describe('Markdown export keyed by passage', () => {
  it('round-trips a draft (a group, an annotation, a paper) to the same targets and the same formatted citations', async () => {
    const { call, fail } = await setUp();
    const quote = brief.text.split(/\s+/).slice(0, 6).join(' ');
    const annotation = await call('annotations.create', { passageId: brief.id, quote });
    const markdown = `Shared objective [@${brief.id}; @${annotation.id}, p. 2] and [@${discussion.docId}].`;
    const original = await call('drafts.create', { markdown, style: 'chicago-note-bibliography' });

    const byDocument = await call('drafts.export', { id: original.id, format: 'md' });
    // Keyed by paper, the passage and the annotation both become the brief: a draft made from it cites the paper.
    expect(byDocument.data).toMatch(new RegExp(`\\[@${brief.docId}(, p\\. \\d+)?; @${brief.docId}, p\\. 2\\]`));
    const exported = await call('drafts.export', { id: original.id, format: 'md', keys: 'passage' });
    expect(exported.data).toMatch(new RegExp(`\\[@${brief.id}(, p\\. \\d+)?; @${annotation.id}, p\\. 2\\]`));
    expect(JSON.parse(exported.companions[0]!.data).map((item: { id: string }) => item.id).sort()).toEqual([brief.id, annotation.id, discussion.docId].sort());

    const again = await call('drafts.create', { markdown: exported.data, style: 'chicago-note-bibliography' });
    const targets = (draft: { content: TiptapNode }) => citationsIn(draft.content).map((node) => [node.attrs?.targetKind, node.attrs?.targetId]);
    expect(targets(again)).toEqual(targets(original));
    const formatted = async (content: TiptapNode) =>
      (await call('drafts.format', { content: content as never, style: 'chicago-note-bibliography' })).citations.map((citation) => [citation.text, citation.noteNumber]);
    expect(await formatted(again.content)).toEqual(await formatted(original.content));

    const refused = await fail('drafts.export', { id: original.id, format: 'docx', keys: 'passage' });
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('keys applies to the Markdown export only');
  });
});
