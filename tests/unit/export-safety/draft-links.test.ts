import { describe, expect, it } from 'vitest';
import { exportDraftDocx } from '../../../electron/core/drafts/export/docx';
import { exportDraftHtml } from '../../../electron/core/drafts/export/html';
import { exportDraftMarkdown } from '../../../electron/core/drafts/export/markdown';
import { markdownToDraftContent } from '../../../electron/core/drafts/markdown-import';
import type { TiptapNode } from '../../../electron/core/drafts/model';
import { doc, draftOf, paragraph, text } from '../drafts/draft-builders';
import { loadTestCorpus } from '../drafts/fixture';
import { readZipEntry } from '../drafts/zip';

const context = { sources: loadTestCorpus().sources };
const link = (label: string, href: string): TiptapNode => ({ type: 'text', text: label, marks: [{ type: 'link', attrs: { href } }] });

/** A draft whose links were pasted from somewhere hostile, beside one good link. */
const draft = draftOf(
  doc(
    paragraph(
      text('Read '),
      link('the brief', 'https://www.qkss.org/'),
      text(', not '),
      link('this', 'javascript:alert(1)'),
      text(' or '),
      link('that', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
      text(' or '),
      link('those', ' VBScript:msgbox(1)'),
      text('.'),
    ),
  ),
  'chicago-author-date',
);

describe('draft exports keep safe links and drop the rest, keeping the text', () => {
  it('HTML', async () => {
    const html = await exportDraftHtml(draft, context);
    expect(html).toContain('<a href="https://www.qkss.org/">the brief</a>');
    expect(html).toMatch(/not this or that or those\./);
    expect(html).not.toMatch(/javascript:|data:text|vbscript:/i);
  });

  it('Markdown', () => {
    const { markdown } = exportDraftMarkdown(draft, context.sources);
    expect(markdown).toContain('[the brief](https://www.qkss.org/)');
    expect(markdown).toContain('not this or that or those.');
    expect(markdown).not.toMatch(/javascript:|data:text|vbscript:/i);
  });

  it('DOCX', async () => {
    const bytes = await exportDraftDocx(draft, context);
    const relationships = readZipEntry(bytes, 'word/_rels/document.xml.rels')!;
    expect(relationships).toContain('Target="https://www.qkss.org/"');
    expect(relationships).not.toMatch(/javascript:|data:text|vbscript:/i);
  });

  it('Markdown import: a script link comes in as plain text', () => {
    const imported = markdownToDraftContent('Read [the brief](https://www.qkss.org/) and [this](javascript:alert(1)).\n', () => undefined);
    const marks = JSON.stringify(imported.content);
    expect(marks).toContain('"href":"https://www.qkss.org/"');
    expect(marks).not.toContain('javascript:');
    expect(marks).toContain('"text":"this."');
  });
});
