import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBibliographyFile } from '../../../electron/core/citations/bibliography-formats';
import { CitationFormatter } from '../../../electron/core/citations/formatter';
import { collectCitations } from '../../../electron/core/drafts/content';
import { exportDraftDocx } from '../../../electron/core/drafts/export/docx';
import { exportDraftHtml } from '../../../electron/core/drafts/export/html';
import { exportDraftMarkdown } from '../../../electron/core/drafts/export/markdown';
import { markdownToDraftContent } from '../../../electron/core/drafts/markdown-import';
import type { Draft, TiptapNode } from '../../../electron/core/drafts/model';
import { cite, doc, draftOf, paragraph, text } from './draft-builders';
import { loadTestCorpus } from './fixture';
import { readZipEntry, wordText } from './zip';

/**
 * Citation fixes found by comparing with Pandoc's citeproc on the same CSL and CSL-JSON:
 * a group `[@a; @b]` is one cluster (one parenthesis, one note), note markers stand after
 * punctuation, the Markdown export can key by passage for a round trip, a report with no
 * year keeps its note and access date, and a soft line break is a Word line break.
 */
const corpus = loadTestCorpus();
const priorities = corpus.documentTitled(/Foreign and Security Challenges/);
const brief = corpus.documentTitled(/How to Advance/);
const prioritiesPassage = corpus.paragraphsOf(priorities.id)[3]!;
const briefPassage = corpus.paragraphsOf(brief.id)[2]!;
const csl = path.resolve(__dirname, '../../../resources/csl');
const scratch = mkdtempSync(path.join(tmpdir(), 'citation-groups-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** "A claim [@priorities, p. 2; @brief, p. 3]. Then more." with the group as two adjacent citation nodes. */
function groupedDraft(style: Draft['style']): Draft {
  return draftOf(
    doc(
      paragraph(text('Kosovo needs allies '), cite(prioritiesPassage, { locator: '2' }), cite(briefPassage, { locator: '3' }), text('. Then more.')),
      paragraph(text('A second claim '), cite(briefPassage, { locator: '7' }), text(', and so on.')),
    ),
    style,
  );
}

/** Pandoc's citeproc on our Markdown and CSL-JSON, with the draft's own CSL file, as plain text. */
function pandoc(draft: Draft): string {
  const exported = exportDraftMarkdown(draft, corpus.sources, { bibliographyFile: `${draft.style}.json` });
  writeFileSync(path.join(scratch, `${draft.style}.md`), exported.markdown);
  writeFileSync(path.join(scratch, `${draft.style}.json`), exported.bibliographyJson);
  const result = spawnSync('pandoc', ['--citeproc', '-t', 'plain', '--wrap=none', '--csl', path.join(csl, `${draft.style}.csl`), `${draft.style}.md`], { cwd: scratch, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('a citation group is one cluster', () => {
  it('collects side-by-side citations as one group, and a space between them as two', () => {
    const grouped = collectCitations(groupedDraft('apa').content);
    expect(grouped.map((ref) => ref.cluster)).toEqual([0, 0, 1]);
    const apart = collectCitations(doc(paragraph(cite(prioritiesPassage), text(' '), cite(briefPassage))));
    expect(apart.map((ref) => ref.cluster)).toEqual([0, 1]);
  });

  it('author-date: one parenthesis, as Pandoc prints it from the same CSL and CSL-JSON', async () => {
    const draft = groupedDraft('chicago-author-date');
    const formatted = (await CitationFormatter.create('chicago-author-date')).format(collectCitations(draft.content), corpus.sources);
    const [group, member] = formatted.citations;
    expect(group!.text).toMatch(/^\(Ilazi 2026, 2; Ilazi et al\. \[?2025\]?, 3\)$/);
    expect(member).toMatchObject({ groupedWithPrevious: true, text: group!.text });
    const out = pandoc(draft);
    expect(out).toContain(`Kosovo needs allies ${group!.text}. Then more.`);
    expect(out).toContain(`A second claim ${formatted.citations[2]!.text}, and so on.`);
    // The exports print the group once.
    const html = await exportDraftHtml(draft, { sources: corpus.sources });
    expect(html.match(/class="citation"/g)).toHaveLength(2);
    const word = wordText(readZipEntry(await exportDraftDocx(draft, { sources: corpus.sources }), 'word/document.xml')!);
    expect(word).toContain(`Kosovo needs allies ${group!.text}. Then more.`);
  });

  it('note style: one note for the group, its marker after the full stop, as Pandoc places it', async () => {
    const draft = groupedDraft('chicago-note-bibliography');
    const formatted = (await CitationFormatter.create('chicago-note-bibliography')).format(collectCitations(draft.content), corpus.sources);
    expect(formatted.citations.map((citation) => citation.noteNumber)).toEqual([1, 1, 2]);
    const out = pandoc(draft);
    expect(out).toContain('Kosovo needs allies.[1] Then more.');
    expect(out).toContain('A second claim,[2] and so on.');
    expect(out).toContain(`[1] ${formatted.citations[0]!.text}`);
    expect(out).toContain(`[2] ${formatted.citations[2]!.text}`);
    expect(formatted.citations[0]!.text).toContain('; ');

    const html = await exportDraftHtml(draft, { sources: corpus.sources });
    expect(html).toMatch(/Kosovo needs allies\.<sup class="footnote-ref"><a href="#fn-1"/);
    expect(html).toMatch(/A second claim,<sup class="footnote-ref"><a href="#fn-2"/);
    expect(html.match(/<li id="fn-/g)).toHaveLength(2);
    const docx = await exportDraftDocx(draft, { sources: corpus.sources });
    const body = readZipEntry(docx, 'word/document.xml')!;
    expect(wordText(body)).toContain('Kosovo needs allies.');
    expect(body.match(/<w:footnoteReference /g)).toHaveLength(2);
    // The marker run comes right after the full stop's run.
    expect(body).toMatch(/Kosovo needs allies\.<\/w:t><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:footnoteReference w:id="1"\/>/);
  });

  it('puts a comma after a closing quotation mark inside it, as Pandoc does for English', async () => {
    const draft = draftOf(doc(paragraph(text('They called it “hybrid” '), cite(briefPassage), text(', and so on.'))), 'chicago-note-bibliography');
    expect(pandoc(draft)).toContain('They called it “hybrid,”[1] and so on.');
    expect(await exportDraftHtml(draft, { sources: corpus.sources })).toMatch(/They called it “hybrid,”<sup class="footnote-ref">/);
  });

  it('Markdown: exported as one [@a; @b] group and imported back as one group', () => {
    const exported = exportDraftMarkdown(groupedDraft('apa'), corpus.sources);
    expect(exported.markdown).toContain(`Kosovo needs allies [@${priorities.id}, p. 2; @${brief.id}, p. 3]. Then more.`);
    const imported = markdownToDraftContent(exported.markdown, (key) => (corpus.sources.resolve({ kind: 'document', id: key, docId: key }) ? { kind: 'document', id: key, docId: key } : undefined));
    expect(collectCitations(imported.content).map((ref) => [ref.target.docId, ref.locator, ref.cluster])).toEqual([
      [priorities.id, '2', 0],
      [brief.id, '3', 0],
      [brief.id, '7', 1],
    ]);
  });
});

describe('Markdown keyed by passage', () => {
  it('round-trips a draft to the same passages and the same formatted citations', async () => {
    const draft = groupedDraft('chicago-author-date');
    const exported = exportDraftMarkdown(draft, corpus.sources, { keys: 'passage' });
    expect(exported.markdown).toContain(`[@${prioritiesPassage.id}, p. 2; @${briefPassage.id}, p. 3]`);
    expect(exported.bibliography.map((item) => item.id).sort()).toEqual([briefPassage.id, prioritiesPassage.id].sort());
    const byPassage = (key: string) => {
      const passage = corpus.paragraphsOf(priorities.id).concat(corpus.paragraphsOf(brief.id)).find((candidate) => candidate.id === key);
      return passage ? { kind: 'passage' as const, id: passage.id, docId: passage.docId } : undefined;
    };
    const imported = markdownToDraftContent(exported.markdown, byPassage);
    const before = collectCitations(draft.content);
    const after = collectCitations(imported.content);
    expect(after.map((ref) => [ref.target, ref.cluster])).toEqual(before.map((ref) => [ref.target, ref.cluster]));
    const formatter = await CitationFormatter.create('chicago-author-date');
    expect(formatter.format(after, corpus.sources).citations.map((c) => c.text)).toEqual(formatter.format(before, corpus.sources).citations.map((c) => c.text));
    // Pandoc still resolves every key, each passage's item carrying its paper's metadata.
    const out = pandoc({ ...draft, content: imported.content });
    expect(out).not.toContain('???');
  });
});

describe('bibliography files', () => {
  it('a report without a year keeps its note and access date in BibTeX and RIS', () => {
    const item = { id: 'kcss-undated', type: 'report', title: 'Undated Brief', author: [{ family: 'Ilazi', given: 'Ramadan' }], URL: 'https://www.qkss.org/brief', note: 'Policy brief, no date printed', accessed: { 'date-parts': [[2026, 3, 5]] } };
    const bib = formatBibliographyFile([item], 'bibtex');
    expect(bib).toContain('@techreport{kcss-undated,');
    expect(bib).not.toContain('year =');
    expect(bib).toContain('note = {Policy brief, no date printed}');
    expect(bib).toContain('urldate = {2026-03-05}');
    const ris = formatBibliographyFile([item], 'ris');
    expect(ris).toContain('N1  - Policy brief, no date printed\r\n');
    expect(ris).toContain('Y2  - 2026/03/05\r\n');
  });
});

describe('soft line breaks in Word', () => {
  it('a hardBreak (Shift+Enter) is a <w:br/> between the lines, in paragraphs, lists and quotes', async () => {
    const broken = (): TiptapNode[] => [text('first line'), { type: 'hardBreak' }, text('second line')];
    const draft = draftOf(
      doc(paragraph(...broken()), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(...broken())] }] }, { type: 'blockquote', content: [paragraph(...broken())] }),
      'apa',
    );
    const body = readZipEntry(await exportDraftDocx(draft, { sources: corpus.sources }), 'word/document.xml')!;
    expect(body.match(/first line<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r><w:t xml:space="preserve">second line/g)).toHaveLength(3);
  });
});
