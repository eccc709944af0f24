import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { parseCsv } from '../../helpers/csv';
import { useCores } from '../../helpers/core';
import { openCsvInLibreOffice } from '../../helpers/libreoffice';
import { useTempDirs } from '../../helpers/temp-dir';
import { call, importTranscript } from '../team/support';
import { bundledCorpus, passageWith } from './cli-helpers';

const tempDir = useTempDirs();
const openCore = useCores();
const coeQuote = 'accredit a Centre of Excellence (COE) in Kosovo';

/**
 * A real core over the committed corpus: a seed quote coded with a nested topic, an entity
 * and a recommendation; an imported transcript (speaker turns "Speaker A:"/"Speaker B:")
 * with a quote of Speaker B's coded too.
 */
async function codedWorkspace(): Promise<{ core: Core; dir: string; recommendationLabel: string; transcriptTitle: string }> {
  const dir = await tempDir();
  const core = await openCore(join(dir, 'workspace'));
  const security = await call(core, 'topics.create', { name: 'Security' });
  const trust = await call(core, 'topics.create', { name: 'Trust in police', parentId: security.id });
  const nato = await call(core, 'topics.create', { name: 'NATO' });
  const seed = passageWith(coeQuote);
  const recommendation = bundledCorpus().recommendations.find((item) => item.docId === seed.docId)!;
  await call(core, 'annotations.create', {
    passageId: seed.id,
    quote: coeQuote,
    note: 'The cheapest signal',
    topicIds: [trust.id, nato.id],
    entityIds: ['nato'],
    recommendationIds: [recommendation.id],
  });
  const { docId, passageIds } = await importTranscript(core);
  const second = core.corpus.passage(passageIds[1]!);
  expect(second.speaker).toBe('Speaker B');
  await call(core, 'annotations.create', { passageId: second.id, quote: 'answer number 2 about the police', topicIds: [trust.id] });
  const views = await call(core, 'annotations.list', {});
  const recommendationLabel = views.find((view) => view.docId === seed.docId)!.recommendations[0]!.label;
  const transcriptTitle = views.find((view) => view.docId === docId)!.documentTitle;
  return { core, dir, recommendationLabel, transcriptTitle };
}

/** Markdown as Debian's pandoc reads it, written out as HTML (.ci/run installs pandoc). */
function pandocHtml(markdown: string): string {
  const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'html'], { input: markdown, encoding: 'utf8' });
  if (result.error) throw new Error(`pandoc could not run (apt-get install pandoc): ${result.error.message}`);
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('exports carry the coding', () => {
  it('Markdown: each quote lists its speaker, topics by full path, entities and recommendations; pandoc reads them as a list', async () => {
    const { core, recommendationLabel, transcriptTitle } = await codedWorkspace();
    const { text: markdown } = await call(core, 'annotations.export', { format: 'md' });
    expect(markdown).toContain(`> ${coeQuote.replace(/[()]/g, (c) => c)}`);
    expect(markdown).toContain(`- Topics: Security / Trust in police; NATO\n- Entities: NATO\n- Recommendations: ${recommendationLabel.replace(/([\\`*_[\]<>#|])/g, '\\$1')}\n`);
    expect(markdown).toMatch(new RegExp(`## ${transcriptTitle}\\n\\n> answer number 2 about the police\\n>\\n> \\(${transcriptTitle}(, p\\. 1)?\\)\\n\\n- Speaker: Speaker B\\n- Topics: Security / Trust in police\\n`));
    // The seed quote has no speaker.
    expect(markdown.match(/^- Speaker: /gm)).toHaveLength(1);

    const html = pandocHtml(markdown);
    expect(html).toContain('<li>Speaker: Speaker B</li>');
    expect(html).toContain('<li>Topics: Security / Trust in police; NATO</li>');
    expect(html).toContain('<li>Entities: NATO</li>');
    expect(html).toMatch(/<blockquote>\s*<p>answer number 2 about the police<\/p>/);
  });

  it('Markdown: hostile topic names stay text, and one topic’s export opens with its definition', async () => {
    const { core } = await codedWorkspace();
    const hostile = await call(core, 'topics.create', { name: '[click](javascript:alert(1)) <b>x</b>', description: 'What people say about the police.\n# not a heading\n\nSecond paragraph\n===' });
    const seed = passageWith(coeQuote);
    await call(core, 'annotations.create', { passageId: seed.id, quote: 'in Kosovo', topicIds: [hostile.id] });
    const { text: markdown } = await call(core, 'annotations.export', { format: 'md', filter: { topicId: hostile.id } });
    expect(markdown.startsWith('# \\[click\\](javascript:alert(1)) \\<b\\>x\\</b\\>\n\nWhat people say about the police.  \n\\# not a heading\n\nSecond paragraph  \n\\===\n')).toBe(true);
    const html = pandocHtml(markdown);
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('<b>');
    expect(html.match(/<h[1-6]/g)).toEqual(['<h1', '<h2']);
    expect(html).toContain('<p>What people say about the police.<br />\n# not a heading</p>');
    expect(html).toContain('<li>Topics: [click](javascript:alert(1)) &lt;b&gt;x&lt;/b&gt;</li>');
  });

  it('CSV: a speaker column beside topics as full paths, entities and recommendations; every cell neutralised', async () => {
    const { core, recommendationLabel, transcriptTitle } = await codedWorkspace();
    const { text } = await call(core, 'annotations.export', { format: 'csv' });
    const [header, ...rows] = parseCsv(text).filter((row) => row.length > 1);
    expect(header).toEqual(['document', 'page', 'quote', 'note', 'topic', 'entities', 'recommendations', 'created', 'speaker', 'start', 'end']);
    const cell = (row: string[], column: string) => row[header!.indexOf(column)];
    const seedRows = rows.filter((row) => cell(row, 'quote') === coeQuote);
    expect(seedRows.map((row) => [cell(row, 'topic'), cell(row, 'entities'), cell(row, 'recommendations'), cell(row, 'speaker')])).toEqual([
      ['Security / Trust in police', 'NATO', recommendationLabel, ''],
      ['NATO', 'NATO', recommendationLabel, ''],
    ]);
    const transcriptRow = rows.find((row) => cell(row, 'document') === transcriptTitle)!;
    expect([cell(transcriptRow, 'topic'), cell(transcriptRow, 'speaker')]).toEqual(['Security / Trust in police', 'Speaker B']);
    for (const row of rows) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('CSV in LibreOffice Calc: the speaker column is there and read as text', async () => {
    const { core } = await codedWorkspace();
    const sheet = openCsvInLibreOffice((await call(core, 'annotations.export', { format: 'csv', bom: true })).text);
    const header = sheet[0]!.map((cell) => cell.text);
    const speakerColumn = header.indexOf('speaker');
    expect(speakerColumn).toBe(8);
    for (const row of sheet) for (const cell of row) expect(cell.formula).toBeUndefined();
    expect(sheet.slice(1).map((row) => row[speakerColumn]?.text ?? '')).toContain('Speaker B');
  });

  it('W3C JSON-LD: topics are tagging bodies with their full paths', async () => {
    const { core } = await codedWorkspace();
    const collection = JSON.parse((await call(core, 'annotations.export', { format: 'w3c' })).text) as { first: { items: { body?: { purpose: string; value: string }[] }[] } };
    const annotations = collection.first.items;
    const tags = annotations.map((annotation) => (annotation.body ?? []).filter((body) => body.purpose === 'tagging').map((body) => body.value));
    expect(tags).toContainEqual(['Security / Trust in police', 'NATO']);
    expect(tags).toContainEqual(['Security / Trust in police']);
  });
});

/** The schema ships in shared/, beside the repository (as on CI). */
const codebookXsd = fileURLToPath(new URL('../../../../shared/refi-qda/Codebook.xsd', import.meta.url));

describe('a topic’s memo goes out with the codebook', () => {
  it('is the code’s Description in the .qdc, valid against Codebook.xsd, and opens the topic’s Markdown', async () => {
    const { core, dir } = await codedWorkspace();
    const trust = (await call(core, 'topics.list', {})).find((topic) => topic.path === 'Security / Trust in police')!;
    const memo = 'Whether people trust the police to act.\nApply when someone says whom they would call & why <not> when.';
    await call(core, 'topics.edit', { id: trust.id, description: memo });
    const { text: xml } = await call(core, 'topics.exportCodebook', { format: 'qdc' });
    expect(xml).toContain('<Description>Whether people trust the police to act.\nApply when someone says whom they would call &amp; why &lt;not&gt; when.</Description>');
    const file = join(dir, 'codebook.qdc');
    await writeFile(file, xml, 'utf8');
    const result = spawnSync('xmllint', ['--noout', '--schema', codebookXsd, file], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(`${result.stdout}${result.stderr}`).toContain('validates');
    expect(result.status).toBe(0);

    const { text: markdown } = await call(core, 'annotations.export', { format: 'md', filter: { topicId: trust.id } });
    expect(markdown.startsWith('# Security / Trust in police\n\nWhether people trust the police to act.  \nApply when someone says whom they would call & why \\<not\\> when.\n\n## ')).toBe(true);
    // Undoable like any topic edit.
    await call(core, 'undo.undo', {});
    expect((await call(core, 'topics.list', {})).find((topic) => topic.id === trust.id)!.description).toBe('');
  });
});
