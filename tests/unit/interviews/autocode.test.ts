import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { resourcesDir, useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { cli } from '../annotations-api/cli-helpers';
import { call } from '../team/support';
import { importInterview, passagesOf } from './support';

const openCore = useCores();
const tempDir = useTempDirs();

const second = [
  'Interviewer: Is the police station in Gračanica open at night?',
  'Valon Berisha: The police station is open, but nobody answers the phone.',
  'Interviewer: And the municipality?',
  'Valon Berisha: The municipality does not care about the POLICE.',
].join('\n\n');

describe('auto-coding', () => {
  it('codes every turn of a speaker, skips what is already coded, and undo takes the whole run back', async () => {
    const core = await openCore(join(await tempDir(), 'workspace'));
    const docId = await importInterview(core);
    const arbens = passagesOf(core, docId).filter((passage) => passage.speaker === 'Arben Krasniqi');
    expect(arbens).toHaveLength(2);
    // One of Arben's turns is already coded with the topic: it is skipped.
    await call(core, 'annotations.create', { passageId: arbens[0]!.id, quote: 'Twenty years', topicPaths: ['Respondent voice'] });
    const topicId = (await call(core, 'topics.list', {}))[0]!.id;

    const preview = await call(core, 'interviews.autocode', { topicId, speaker: 'arben krasniqi', docId, dryRun: true });
    expect(preview).toMatchObject({ matched: 2, coded: 1, skipped: 1, dryRun: true });
    expect(await call(core, 'annotations.list', { docId })).toHaveLength(1);

    const result = await call(core, 'interviews.autocode', { topicId, speaker: 'Arben Krasniqi', docId });
    expect(result).toMatchObject({ topic: { id: topicId, path: 'Respondent voice' }, matched: 2, coded: 1, skipped: 1, documents: 1, topicCreated: false });
    const coded = await call(core, 'annotations.list', { docId, topicId });
    expect(coded.map((annotation) => annotation.target.selectors.quote.exact)).toEqual(['Twenty years', arbens[1]!.text]);
    expect(coded[1]!.target.passageIds).toEqual([arbens[1]!.id]);
    expect((await call(core, 'undo.state', {})).undoLabel).toBe('Auto-code 1 passage');

    // Again: everything is coded already.
    expect(await call(core, 'interviews.autocode', { topicId, speaker: 'Arben Krasniqi' })).toMatchObject({ matched: 2, coded: 0, skipped: 2 });

    await call(core, 'undo.undo', {});
    expect(await call(core, 'annotations.list', { docId, topicId })).toHaveLength(1);
    await call(core, 'undo.redo', {});
    expect(await call(core, 'annotations.list', { docId, topicId })).toHaveLength(2);
  });

  it('codes every passage with the words of a query over every imported document, making a new topic that undo removes again', async () => {
    const core = await openCore(join(await tempDir(), 'workspace'));
    const first = await importInterview(core);
    const other = await importInterview(core, second, 'interview-gracanica.txt');
    const result = await call(core, 'interviews.autocode', { topicPath: 'Security / Police', query: 'police' });
    // Every passage with "police" as a word, any case: one in the first interview, three in the second.
    const expected = [first, other].flatMap((docId) => passagesOf(core, docId).filter((passage) => /\bpolice\b/i.test(passage.text)));
    expect(expected).toHaveLength(4);
    expect(result).toMatchObject({ matched: 4, coded: 4, skipped: 0, documents: 2, topicCreated: true, topic: { path: 'Security / Police' } });
    const phrase = await call(core, 'interviews.autocode', { topicPath: 'Security / Police', query: '"police station" gracanica', dryRun: true });
    expect(phrase).toMatchObject({ matched: 1, coded: 0, skipped: 1 });
    await call(core, 'undo.undo', {});
    expect((await call(core, 'topics.list', {})).map((topic) => topic.path)).toEqual([]);
    expect(await call(core, 'annotations.list', {})).toEqual([]);
  });

  it('refuses an unknown speaker, document or topic, and changes nothing', async () => {
    const core = await openCore(join(await tempDir(), 'workspace'));
    const docId = await importInterview(core);
    await expect(call(core, 'interviews.autocode', { topicPath: 'X', speaker: 'Nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('“Nobody” has no turn') });
    await expect(call(core, 'interviews.autocode', { topicPath: 'X', query: 'police', docId: 'imp-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call(core, 'interviews.autocode', { topicId: 'topic-missing', query: 'police', docId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call(core, 'interviews.autocode', { topicPath: 'X', query: 'police', speaker: 'Drita Hoxha' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('a speaker or a query') });
    await expect(call(core, 'interviews.autocode', { topicPath: 'X', query: '"" ...' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await call(core, 'annotations.list', {})).toEqual([]);
    expect(await call(core, 'topics.list', {})).toEqual([]);
  });
});

describe('workbench autocode', () => {
  it('codes a speaker’s turns with a topic by name and says how many', async () => {
    const dir = await tempDir();
    const workspace = join(dir, 'workspace');
    const core = await createCore({ workspaceDir: workspace, resourcesDir, holder: 'a test' });
    const docId = await importInterview(core);
    await core.close();
    const dry = await cli(['--workspace', workspace, 'autocode', '--topic', 'Trust in police', '--speaker', 'Drita Hoxha', '--dry-run']);
    expect(dry.stdout).toBe('Would code 2 turns of Drita Hoxha with “Trust in police”; 0 already coded with it, 2 matched in all.');
    const run = await cli(['--workspace', workspace, 'autocode', '--topic', 'Trust in police', '--speaker', 'Drita Hoxha', '--document', docId]);
    expect([run.code, run.stderr, run.stdout]).toEqual([0, '', 'Coded 2 turns of Drita Hoxha with “Trust in police” (a new topic); 0 already coded with it, 2 matched in all.']);
    const again = await cli(['--workspace', workspace, '--json', 'autocode', '--topic', 'trust in police', '--speaker', 'Drita Hoxha']);
    expect(JSON.parse(again.stdout)).toMatchObject({ coded: 0, skipped: 2 });
    const neither = await cli(['--workspace', workspace, 'autocode', '--topic', 'Trust in police']);
    expect([neither.code, neither.stderr]).toEqual([1, expect.stringContaining('give --speaker NAME or --query WORDS')]);
  });
});
