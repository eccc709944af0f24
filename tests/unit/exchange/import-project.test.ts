import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCores } from '../../helpers/core';
import { call, zipFixture } from './support';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workbench-qdpx-import-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
const openCore = useCores();

/** Each annotation as a person reads it: its quote, its topics' paths, note and coder. */
async function quotes(core: Awaited<ReturnType<typeof openCore>>) {
  const topics = await call(core, 'topics.list', {});
  const path = (id: string) => topics.find((topic) => topic.id === id)?.path;
  return (await call(core, 'annotations.list', {}))
    .map((annotation) => ({
      quote: annotation.target.selectors.quote.exact,
      topics: annotation.topicIds.map(path).sort(),
      note: annotation.note,
      coder: annotation.createdBy,
      createdAt: annotation.createdAt,
    }))
    .sort((a, b) => a.quote.localeCompare(b.quote));
}

describe('importing a REFI-QDA project', () => {
  it('reads a QualCoder project: two coders, overlapping codings, a category, memos; cases and variables reported as skipped', async () => {
    const core = await openCore(join(root, 'qualcoder'));
    const file = await zipFixture('qualcoder', join(root, 'north.qdpx'));
    const result = await call(core, 'import.file', { path: file });
    expect(result.project?.format).toBe('qdpx');
    expect(result.title).toBe('north_kosovo_interviews');
    expect(result.project?.summary).toMatch(/^kept: 2 sources, 4 codes \(4 new, 0 merged by name\), 3 coded selections, 2 notes, 2 users; skipped: 1 case, 1 variable, 1 memo attached to nothing we keep$/);

    const topics = await call(core, 'topics.list', {});
    expect(topics.map((topic) => topic.path).sort()).toEqual(['Economy', 'North Kosovo', 'Security', 'Security / Trust in police']);
    const trust = topics.find((topic) => topic.name === 'Trust in police')!;
    expect(trust.color).toBe('#E6A23C');
    expect(trust.description).toBe('Statements about trusting or distrusting the Kosovo Police.');

    const documents = result.project!.documents.map((id) => core.corpus.document(id));
    expect(documents.map((document) => document.title)).toEqual(['interview-01.txt', 'interview-02.txt']);
    expect(core.corpus.passages(documents[0]!.id).map((passage) => passage.text)).toEqual([
      'Interviewer: How do you see the police in the north? 🤔',
      'Resident: Honestly, trust in the Kosovo Police is low 😟 since the barricades in Zvečan.',
      'Resident: The EULEX mission helped a bit, but people still fear going to Mitrovica at night.',
    ]);

    const users = await call(core, 'team.users', {});
    expect(users.users.map((user) => user.name)).toEqual(expect.arrayContaining(['Amina Berisha', 'Besnik Krasniqi']));
    const list = await quotes(core);
    expect(list).toEqual([
      { quote: 'Kosovo Police is low 😟 since the barricades in Zvečan', topics: ['North Kosovo'], note: '', coder: 'besnik-krasniqi', createdAt: '2024-05-03T14:30:00.000Z' },
      {
        quote: 'people still fear going to Mitrovica at night',
        topics: ['North Kosovo', 'Security / Trust in police'],
        note: 'Fear at night: Fear of Mitrovica at night comes up in every interview.',
        coder: 'amina-berisha',
        createdAt: '2024-05-02T10:05:00.000Z',
      },
      { quote: 'trust in the Kosovo Police is low', topics: ['Security / Trust in police'], note: 'Low trust, said plainly.', coder: 'amina-berisha', createdAt: '2024-05-02T10:01:00.000Z' },
    ]);

    // Importing the same project again adds nothing twice: same texts, same selections, codes merged by name.
    const again = await call(core, 'import.file', { path: file });
    expect(again.project?.summary).toContain('2 sources (2 already here)');
    expect(again.project?.summary).toContain('4 codes (0 new, 4 merged by name)');
    expect(again.project?.summary).toContain('0 coded selections (3 already here)');
    expect((await call(core, 'annotations.list', {})).length).toBe(3);
    expect((await call(core, 'topics.list', {})).length).toBe(4);
  });

  it('reads an ATLAS.ti project: text inline as PlainTextContent, upper-case GUIDs, several codings on one selection, code memos', async () => {
    const core = await openCore(join(root, 'atlas'));
    await call(core, 'topics.create', { name: 'EU mediation', color: '#123456' });
    const result = await call(core, 'import.file', { path: await zipFixture('atlasti', join(root, 'dialogue.qdpx')) });
    expect(result.project?.summary).toBe('kept: 1 source, 2 codes (1 new, 1 merged by name), 2 coded selections, 1 note, 1 user; skipped: 1 picture source, 1 set');
    const topics = await call(core, 'topics.list', {});
    expect(topics.map((topic) => [topic.name, topic.color])).toEqual(expect.arrayContaining([['EU mediation', '#123456'], ['Border crossings', '#FF8000']]));
    expect(topics.find((topic) => topic.name === 'Border crossings')!.description).toBe('Code memo: Crossings at Jarinje and Bërnjak.');
    const list = await quotes(core);
    expect(list.map((item) => [item.quote, item.topics, item.coder])).toEqual([
      ['Brussels kept asking for de-escalation', ['EU mediation'], 'drita-hoxha'],
      ['the checkpoints at Jarinje closed twice', ['Border crossings', 'EU mediation'], 'drita-hoxha'],
    ]);
  });

  it('reads an NVivo project: rich and plain text paths, a BOM and CRLF line ends, notes in files, linked sources reported', async () => {
    const core = await openCore(join(root, 'nvivo'));
    const result = await call(core, 'import.file', { path: await zipFixture('nvivo', join(root, 'gracanica.qdpx')) });
    expect(result.project?.summary).toBe(
      'kept: 1 source, 4 codes (4 new, 0 merged by name), 3 coded selections, 1 note, 2 users; ' +
        'skipped: 1 video source, 1 source without readable text: “Field notes (linked)” (its text at absolute:///C:/Users/lj/Documents/field-notes.txt is not in the project)',
    );
    const [docId] = result.project!.documents;
    const document = core.corpus.document(docId!);
    expect(document.title).toBe('Focus group Gracanica');
    expect(document.note).toBe('Source memo: Recorded with consent; names removed.');
    // The byte order mark is not text; the first passage starts with the title line.
    expect(core.corpus.passages(docId!)[0]!.text).toBe('Focus group, Gračanica, 12 May 2024');
    expect((await quotes(core)).map((item) => [item.quote, item.topics, item.note, item.coder])).toEqual([
      ['Nobody explains which documents are valid', ['Documents'], 'Annotation: Birth certificates issued in Serbia are the example given.', 'arben-gashi'],
      ['The municipality never answers our letters 📨', ['Public services / Unanswered requests'], '', 'ljiljana-petrovic'],
      ['We go to the Serbian offices instead', ['Public services / Parallel institutions'], '', 'arben-gashi'],
    ]);
  });

  it('brings a .qdc codebook in, merging by name and keeping the hierarchy', async () => {
    const core = await openCore(join(root, 'codebook'));
    const security = await call(core, 'topics.create', { name: 'Security' });
    await call(core, 'topics.create', { name: 'Police', parentId: security.id });
    const { writeFile } = await import('node:fs/promises');
    const qdc = join(root, 'book.qdc');
    await writeFile(
      qdc,
      `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo 14">
  <Codes>
    <Code guid="{0A1B2C3D-0000-4000-8000-000000000001}" name="Security" isCodable="false">
      <Code guid="{0A1B2C3D-0000-4000-8000-000000000002}" name="police" isCodable="true" color="#112233"/>
      <Code guid="{0A1B2C3D-0000-4000-8000-000000000003}" name="Army" isCodable="true"><Description>KSF and KFOR</Description></Code>
      <Code guid="not-a-guid" name="Broken" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>
`,
    );
    const result = await call(core, 'import.file', { path: qdc });
    expect(result.project?.summary).toBe('kept: 3 codes (1 new, 2 merged by name); skipped: 1 code without a usable guid or name');
    const topics = await call(core, 'topics.list', {});
    expect(topics.map((topic) => topic.path).sort()).toEqual(['Security', 'Security / Army', 'Security / Police']);
    expect(topics.find((topic) => topic.name === 'Army')!.description).toBe('KSF and KFOR');
  });
});
