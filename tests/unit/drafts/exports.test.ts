import { describe, expect, it } from 'vitest';
import { exportDraftDocx } from '../../../electron/core/drafts/export/docx';
import { exportDraftHtml } from '../../../electron/core/drafts/export/html';
import { exportDraftMarkdown } from '../../../electron/core/drafts/export/markdown';
import { exportDraftBibliography } from '../../../electron/core/drafts/export/bibliography';
import { markdownToDraftContent } from '../../../electron/core/drafts/markdown-import';
import { collectCitations } from '../../../electron/core/drafts/content';
import type { DraftContent, TiptapNode } from '../../../electron/core/drafts/model';
import { cite, doc, draftOf, paragraph, text } from './draft-builders';
import { expectedInText, loadTestCorpus, printedYear } from './fixture';
import { readZipEntry, wordText } from './zip';

const corpus = loadTestCorpus();
const brief = corpus.documentTitled(/How to Advance Kosovo-NATO Relations/i);
const discussion = corpus.documentTitled(/Discussion of Kosovo-NATO Relations/i);
const briefPassages = corpus.paragraphsOf(brief.id);
const discussionPassages = corpus.paragraphsOf(discussion.id);
const context = { sources: corpus.sources };

/** A draft using every construct the exporters handle, citing two real papers. */
function sampleContent(): DraftContent {
  const item = (...content: TiptapNode[]): TiptapNode => ({ type: 'listItem', content: [paragraph(...content)] });
  return doc(
    { type: 'heading', attrs: { level: 1 }, content: [text('Kosovo and NATO')] },
    paragraph(
      text('Membership is '),
      text('a shared objective', 'bold'),
      text(' across the '),
      text('political spectrum', 'italic'),
      text(' '),
      cite(briefPassages[0]!),
      text('. See the '),
      { type: 'text', text: 'KCSS brief', marks: [{ type: 'link', attrs: { href: 'https://www.qkss.org/' } }] },
      text('.'),
    ),
    { type: 'bulletList', content: [item(text('Parliamentary Assembly '), cite(briefPassages[1]!, { locator: '2' })), item(text('Centres of Excellence'))] },
    { type: 'orderedList', attrs: { start: 1 }, content: [item(text('First step')), item(text('Second step'))] },
    { type: 'blockquote', content: [paragraph(text('92 percent of all citizens in Kosovo are in favor of joining NATO '), cite(discussionPassages[0]!, { prefix: 'see' }))] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [paragraph(text('Year'))] }, { type: 'tableHeader', content: [paragraph(text('Event'))] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph(text('2024'))] }, { type: 'tableCell', content: [paragraph(text('Associate membership in NATO PA'))] }] },
      ],
    },
    paragraph(text('As the brief argues '), cite(briefPassages[0]!, { suppressAuthor: true, locator: '3' }), text('.')),
  );
}

const briefEntryStart = 'Ilazi, Ramadan, Jeta Loshaj, Yerai Dheur, and Pia-Katharina Pallasch.';

describe('DOCX export', () => {
  it('author-date: citations in the text, structure as Word structures, bibliography at the end', async () => {
    const bytes = await exportDraftDocx(draftOf(sampleContent(), 'chicago-author-date'), context);
    const xml = readZipEntry(bytes, 'word/document.xml')!;
    const body = wordText(xml);
    expect(body).toContain(expectedInText('chicago-author-date', 'Ilazi et al.', brief, briefPassages[0]!.page));
    expect(body).toContain(expectedInText('chicago-author-date', 'Ilazi et al.', brief, 2));
    expect(body).toContain(expectedInText('chicago-author-date', 'see Lumi', discussion, discussionPassages[0]!.page));
    expect(body).toContain(`(${printedYear(brief)}, 3)`);
    expect(body.indexOf('References')).toBeGreaterThan(body.indexOf('Associate membership'));
    expect(body.slice(body.indexOf('References'))).toContain(briefEntryStart);
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('<w:b/>');
    expect(xml).toContain('<w:i/>');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id=/);
    expect(xml).toContain('<w:numPr>');
    expect(readZipEntry(bytes, 'word/_rels/document.xml.rels')).toContain('https://www.qkss.org/');
    expect(xml).not.toContain('w:footnoteReference');
  });

  it('note style: each citation is a real Word footnote', async () => {
    const bytes = await exportDraftDocx(draftOf(sampleContent(), 'chicago-note-bibliography'), context);
    const xml = readZipEntry(bytes, 'word/document.xml')!;
    const footnotes = readZipEntry(bytes, 'word/footnotes.xml')!;
    expect(xml.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(4);
    const notes = wordText(footnotes);
    expect(notes).toContain('“How to Advance Kosovo-NATO Relations?”');
    expect(notes).toContain('see Lumi');
    expect(wordText(xml)).not.toContain('see Lumi');
    expect(wordText(xml)).toContain('Bibliography');
    expect(wordText(xml)).toContain(briefEntryStart);
  });
});

describe('HTML export', () => {
  it('is a standalone document with formatted citations and the bibliography', async () => {
    const html = await exportDraftHtml(draftOf(sampleContent(), 'apa'), context);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain(expectedInText('apa', 'Ilazi et al.', brief, briefPassages[0]!.page));
    expect(html).toContain('<section class="bibliography"');
    expect(html).toContain('Ilazi, R., Loshaj, J., Dheur, Y., &#38; Pallasch, P.-K.');
    expect(html).toContain('<table>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<a href="https://www.qkss.org/">KCSS brief</a>');
    // Nothing is loaded from outside: no src attributes, no stylesheets by URL.
    expect(html).not.toMatch(/\ssrc=|<link\s/);
  });

  it('note style: numbered footnotes linked both ways', async () => {
    const html = await exportDraftHtml(draftOf(sampleContent(), 'chicago-note-bibliography'), context);
    for (const n of [1, 2, 3, 4]) {
      expect(html).toContain(`<a href="#fn-${n}" id="fnref-${n}" role="doc-noteref">${n}</a>`);
      expect(html).toContain(`<li id="fn-${n}"`);
    }
    expect(html).toContain('<h2>Bibliography</h2>');
  });
});

describe('Markdown export', () => {
  const citedKeys = (markdown: string) => [...markdown.matchAll(/-?@([\w:.#$%&+?<>~/-]+?)(?=[,;\]\s])/g)].map((m) => m[1]!);

  it('keys by document: every key has a CSL-JSON item with that id, one per work', () => {
    const out = exportDraftMarkdown(draftOf(sampleContent(), 'chicago-author-date'), corpus.sources);
    const ids = JSON.parse(out.bibliographyJson).map((item: { id: string }) => item.id);
    expect(new Set(citedKeys(out.markdown))).toEqual(new Set(ids));
    expect(ids.sort()).toEqual([brief.id, discussion.id].sort());
    expect(out.markdown).toContain(`[@${brief.id}, p. ${briefPassages[0]!.page}]`);
    expect(out.markdown).toContain(`[-@${brief.id}, p. 3]`);
    expect(out.markdown).toContain(`[see @${discussion.id}, p. ${discussionPassages[0]!.page}]`);
    expect(out.markdown).toContain('**a shared objective**');
    expect(out.markdown).toContain('*political spectrum*');
    expect(out.markdown).toContain('[KCSS brief](https://www.qkss.org/)');
    expect(out.markdown).toContain('> 92 percent');
    expect(out.markdown).toContain('| Year | Event |');
    expect(out.missingKeys).toEqual([]);
  });

  it('keys by passage round-trip through Markdown import to the same citations', () => {
    const original = draftOf(sampleContent(), 'chicago-author-date');
    const out = exportDraftMarkdown(original, corpus.sources, { keys: 'passage' });
    const ids = out.bibliography.map((item) => item.id);
    expect(new Set(citedKeys(out.markdown))).toEqual(new Set(ids));

    const imported = markdownToDraftContent(out.markdown, corpus.resolveKey);
    expect(imported.title).toBe(original.title);
    const before = collectCitations(original.content);
    const after = collectCitations(imported.content);
    expect(after.map((c) => c.target)).toEqual(before.map((c) => c.target));
    expect(after.map((c) => [c.prefix, c.suppressAuthor ?? false])).toEqual(before.map((c) => [c.prefix, c.suppressAuthor ?? false]));
    // Explicit locators survive; implicit ones come back as the passage's page.
    expect(after[1]!.locator).toBe('2');
    expect(after[0]!.locator).toBe(String(briefPassages[0]!.page));
  });
});

describe('bibliography export', () => {
  it('lists each cited work once in BibTeX and RIS', () => {
    const draft = draftOf(sampleContent(), 'apa');
    const bib = exportDraftBibliography(draft, corpus.sources, 'bibtex');
    expect(bib.match(/^@\w+\{/gm)).toHaveLength(2);
    expect(bib).toContain(`@techreport{${brief.id},`);
    const ris = exportDraftBibliography(draft, corpus.sources, 'ris');
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(ris).toContain('AU  - Lumi, Leureta');
  });
});
