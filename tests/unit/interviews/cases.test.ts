import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { createCore } from '../../../electron/core/core';
import { resourcesDir, useCores } from '../../helpers/core';
import { parseCsv } from '../../helpers/csv';
import { useTempDirs } from '../../helpers/temp-dir';
import { cli } from '../annotations-api/cli-helpers';
import { call } from '../team/support';
import { importInterview, passagesOf } from './support';

const openCore = useCores();
const tempDir = useTempDirs();

/** A second interview, in another municipality, where Drita Hoxha speaks again. */
const secondInterview = [
  'Interviewer: What do you think of the new police station?',
  'Valon Berisha: The police station in Gracanica is closer now, and the police answer faster.',
  'Interviewer: And you, Drita?',
  'Drita Hoxha: I still do not trust the police, even in Gracanica.',
  'Interviewer: Not even the new officers?',
  'Drita Hoxha: Yes, I agree with Valon.',
  'Interviewer: Thank you both.',
  'Valon Berisha: Thank you.',
].join('\n\n');

/** Two interviews: every answer (not the thanks) coded "Trust in police", the long ones also "Place". */
async function codedInterviews(core: Core) {
  const mitrovica = await importInterview(core);
  const gracanica = await importInterview(core, secondInterview, 'interview-gracanica.txt');
  for (const docId of [mitrovica, gracanica]) {
    for (const passage of passagesOf(core, docId)) {
      if (passage.text.length < 20 || !passage.speaker || passage.speaker === 'Interviewer') continue;
      const topicPaths = passage.text.length > 60 ? ['Trust in police', 'Place'] : ['Trust in police'];
      await call(core, 'annotations.create', { passageId: passage.id, quote: passage.text, topicPaths });
    }
  }
  const topics = await call(core, 'topics.list', {});
  const topicId = (name: string) => topics.find((topic) => topic.name === name)!.id;
  return { mitrovica, gracanica, trust: topicId('Trust in police'), place: topicId('Place') };
}

describe('cases with attributes', () => {
  it('documents and speakers take attributes; topic pages, co-occurrence and the CSV filter and group by them and by speaker', async () => {
    const core = await openCore(join(await tempDir(), 'workspace'));
    const { mitrovica, gracanica, trust, place } = await codedInterviews(core);

    await call(core, 'cases.set', { case: { docId: mitrovica }, attributes: { municipality: 'Mitrovica' } });
    await call(core, 'cases.set', { case: { docId: gracanica }, attributes: { municipality: 'Gračanica' } });
    await call(core, 'cases.set', { case: { speaker: 'Drita Hoxha' }, attributes: { 'age group': '30-44', role: 'teacher' } });
    await call(core, 'cases.set', { case: { speaker: 'arben  krasniqi' }, attributes: { 'age group': '45-59' } });

    const cases = await call(core, 'cases.forDocument', { docId: mitrovica });
    expect(cases.document.attributes).toEqual({ municipality: 'Mitrovica' });
    expect(cases.speakers.map((speaker) => [speaker.label, speaker.turns, speaker.attributes])).toEqual([
      ['Interviewer', 4, {}],
      ['Arben Krasniqi', 2, { 'age group': '45-59' }],
      ['Drita Hoxha', 2, { 'age group': '30-44', role: 'teacher' }],
    ]);
    expect(await call(core, 'cases.attributes', {})).toEqual([
      { name: 'age group', values: ['30-44', '45-59'] },
      { name: 'municipality', values: ['Gračanica', 'Mitrovica'] },
      { name: 'role', values: ['teacher'] },
    ]);

    // The topic's quotes: every one carries its cases' attributes; filters narrow them.
    const all = await call(core, 'topics.page', { topicId: trust });
    expect(all.quotes.length).toBe(6);
    const drita = all.quotes.filter((quote) => quote.speaker === 'Drita Hoxha');
    const byMunicipality = (a: Record<string, string>, b: Record<string, string>) => a.municipality!.localeCompare(b.municipality!);
    expect(drita.map((quote) => quote.attributes!).sort(byMunicipality)).toEqual([
      { municipality: 'Gračanica', 'age group': '30-44', role: 'teacher' },
      { municipality: 'Gračanica', 'age group': '30-44', role: 'teacher' },
      { municipality: 'Mitrovica', 'age group': '30-44', role: 'teacher' },
    ]);
    const inMitrovica = await call(core, 'topics.page', { topicId: trust, attribute: { name: 'municipality', value: 'Mitrovica' } });
    expect(inMitrovica.quotes.map((quote) => quote.docId)).toEqual([mitrovica, mitrovica, mitrovica]);
    const bySpeaker = await call(core, 'topics.page', { topicId: trust, speaker: 'drita hoxha' });
    expect(bySpeaker.quotes.map((quote) => quote.speaker)).toEqual(['Drita Hoxha', 'Drita Hoxha', 'Drita Hoxha']);
    expect(bySpeaker.quotes.map((quote) => quote.docId).sort()).toEqual([mitrovica, gracanica, gracanica].sort());
    const teachers = await call(core, 'annotations.list', { attribute: { name: 'role', value: 'teacher' } });
    expect(teachers).toHaveLength(3);

    // Co-occurrence by attribute: in Gračanica only Valon's long answer has both topics.
    const matrix = await call(core, 'topics.cooccurrence', { topicIds: [trust, place], attribute: { name: 'municipality', value: 'Gračanica' } });
    expect(matrix.counts).toEqual([
      [3, 1],
      [1, 1],
    ]);
    const pair = await call(core, 'topics.pairQuotes', { topicA: trust, topicB: place, attribute: { name: 'municipality', value: 'Gračanica' } });
    expect(pair.map((quote) => quote.speaker)).toEqual(['Valon Berisha']);
    const everywhere = await call(core, 'topics.cooccurrence', { topicIds: [trust, place] });
    expect(everywhere.counts).toEqual([
      [6, 4],
      [4, 4],
    ]);
    const dritasPairs = await call(core, 'topics.cooccurrence', { topicIds: [trust, place], speaker: 'Drita Hoxha' });
    expect(dritasPairs.counts).toEqual([
      [3, 1],
      [1, 1],
    ]);

    // The CSV: one column per attribute after the speaker and the time span (empty: no recording here).
    const csv = parseCsv((await call(core, 'annotations.export', { format: 'csv', filter: { topicId: trust } })).text);
    expect(csv[0]).toEqual(['document', 'page', 'quote', 'note', 'topic', 'entities', 'recommendations', 'created', 'speaker', 'start', 'end', 'age group', 'municipality', 'role']);
    const row = csv.find((cells) => cells[8] === 'Valon Berisha')!;
    expect(row.slice(9)).toEqual(['', '', '', 'Gračanica', '']);
    const markdown = (await call(core, 'annotations.export', { format: 'md', filter: { speaker: 'Drita Hoxha' } })).text;
    expect(markdown).toContain('- role: teacher');

    // Undo takes the last attribute change back.
    await call(core, 'undo.undo', {});
    expect((await call(core, 'cases.forDocument', { docId: mitrovica })).speakers[1]!.attributes).toEqual({});
  });

  it('refuses what is not a case or not an attribute, and changes nothing', async () => {
    const core = await openCore(join(await tempDir(), 'workspace'));
    const docId = await importInterview(core);
    await expect(call(core, 'cases.set', { case: { speaker: 'Nobody Here' }, attributes: { role: 'x' } })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Nothing was changed') });
    await expect(call(core, 'cases.set', { case: { docId: 'imp-000000000000' }, attributes: { role: 'x' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call(core, 'cases.set', { case: { docId }, attributes: { Speaker: 'x' } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining("export's own columns") });
    await expect(call(core, 'cases.set', { case: { docId }, attributes: { role: ' ' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call(core, 'cases.set', { case: { docId }, attributes: {} })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await call(core, 'cases.list', {})).toEqual([]);
  });

  it('anonymising a transcript renames its speakers’ cases, and undo brings the old ones back', async () => {
    const dir = await tempDir();
    const core = await openCore(join(dir, 'workspace'));
    const docId = await importInterview(core);
    await call(core, 'cases.set', { case: { speaker: 'Arben Krasniqi' }, attributes: { role: 'shop owner' } });
    await call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben Krasniqi', pseudonym: 'Respondent 4' }, { real: 'Arben', pseudonym: 'Besnik' }] });
    expect((await call(core, 'cases.list', {})).map((item) => [item.label, item.attributes])).toEqual([['Respondent 4', { role: 'shop owner' }]]);
    expect(JSON.stringify(await call(core, 'cases.list', {}))).not.toMatch(/arben/i);
    await call(core, 'undo.undo', {});
    expect((await call(core, 'cases.list', {})).map((item) => [item.label, item.attributes])).toEqual([['Arben Krasniqi', { role: 'shop owner' }]]);
  });
});

describe('workbench case', () => {
  it('sets and lists attributes of a document and a speaker, and says what is wrong with a bad call', async () => {
    const dir = await tempDir();
    const workspace = join(dir, 'workspace');
    const core = await createCore({ workspaceDir: workspace, resourcesDir, holder: 'a test' });
    const docId = await importInterview(core);
    await core.close();
    expect((await cli(['--workspace', workspace, 'case', 'set', '--document', docId, '--attr', 'municipality=Mitrovica'])).code).toBe(0);
    const set = await cli(['--workspace', workspace, 'case', 'set', '--speaker', 'Drita Hoxha', '--attr', 'age group=30-44', '--attr', 'role=teacher']);
    expect(set.stdout).toBe('Drita Hoxha: age group=30-44, role=teacher');
    const unset = await cli(['--workspace', workspace, '--json', 'case', 'set', '--speaker', 'Drita Hoxha', '--unset', 'role']);
    expect(JSON.parse(unset.stdout).attributes).toEqual({ 'age group': '30-44' });
    const list = await cli(['--workspace', workspace, 'case', 'list', '--document', docId]);
    expect(list.stdout).toContain('Document  interview-mitrovica  municipality=Mitrovica');
    expect(list.stdout).toContain('Speaker   Drita Hoxha (2 turns)  age group=30-44');
    const both = await cli(['--workspace', workspace, 'case', 'set', '--document', docId, '--speaker', 'Drita Hoxha', '--attr', 'a=b']);
    expect([both.code, both.stderr]).toEqual([1, expect.stringContaining('give --document DOC or --speaker NAME')]);
    const bad = await cli(['--workspace', workspace, 'case', 'set', '--document', docId, '--attr', 'municipality']);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('is not name=value')]);

    // The export narrowed by speaker or attribute, with a column per attribute.
    await cli(['--workspace', workspace, 'autocode', '--topic', 'Voices', '--query', 'Arben']);
    const teachers = await cli(['--workspace', workspace, 'export', 'annotations', '--format', 'csv', '--attribute', 'municipality=Mitrovica', '--speaker', 'Drita Hoxha']);
    const rows = parseCsv(teachers.stdout.endsWith('\r\n') ? teachers.stdout : `${teachers.stdout}\r\n`);
    expect(rows[0]!.slice(8)).toEqual(['speaker', 'start', 'end', 'age group', 'municipality']);
    expect(rows.slice(1).map((row) => [row[8], row[12]])).toEqual([['Drita Hoxha', 'Mitrovica']]);
    const badFilter = await cli(['--workspace', workspace, 'export', 'annotations', '--format', 'csv', '--attribute', 'Mitrovica']);
    expect([badFilter.code, badFilter.stderr]).toEqual([1, expect.stringContaining('is not name=value')]);
  });
});
