import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsCollection } from '../../../electron/core/annotations';
import { storedRecords } from '../../helpers/stored';
import { useTempDirs } from '../../helpers/temp-dir';
import { bundledCorpus, cli, passageWith } from './cli-helpers';

const tempDir = useTempDirs();
const coeQuote = 'accredit a Centre of Excellence (COE) in Kosovo';

function annotationsFile(workspace: string): Promise<unknown[]> {
  return storedRecords(workspace, annotationsCollection);
}

describe('workbench annotate', () => {
  it('annotates a quote with a note, colour, topics by name and path, an entity and a recommendation', async () => {
    const workspace = await tempDir();
    const passage = passageWith(coeQuote);
    const recommendation = bundledCorpus().recommendations.find((item) => item.docId === passage.docId)!;
    const result = await cli([
      'annotate', passage.id, '--quote', coeQuote, '--note', 'The cheapest signal NATO can send', '--color', 'green',
      '--topic', 'Security / NATO', '--topic', 'Centres of Excellence', '--entity', 'nato', '--recommendation', recommendation.id,
      '--json', '--workspace', workspace,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const created = JSON.parse(result.stdout);
    expect(created).toMatchObject({
      docId: passage.docId,
      color: 'green',
      note: 'The cheapest signal NATO can send',
      entityIds: ['nato'],
      recommendationIds: [recommendation.id],
      anchorStatus: 'anchored',
      target: { passageIds: [passage.id], selectors: { quote: { exact: coeQuote }, page: { page: passage.page } } },
    });
    expect(created.topics.map((topic: { path: string }) => topic.path)).toEqual(['Security / NATO', 'Centres of Excellence']);

    // The selectors point at the document text: the quote starts where the position says.
    const start = passage.text.indexOf(coeQuote);
    expect(created.target.selectors.quote.prefix).toBe(passage.text.slice(start - created.target.selectors.quote.prefix.length, start));

    const topics = JSON.parse((await cli(['topics', '--json', '--workspace', workspace])).stdout);
    expect(topics.map((topic: { path: string; quotes: number; documents: number }) => [topic.path, topic.quotes, topic.documents])).toEqual([
      ['Centres of Excellence', 1, 1],
      ['Security', 0, 0],
      ['Security / NATO', 1, 1],
    ]);

    // Topics given by path a second time are reused, not created again.
    const again = await cli(['annotate', passage.id, '--quote', 'in Kosovo', '--topic', 'security / nato', '--json', '--workspace', workspace]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).topicIds).toEqual([created.topicIds[0]]);
    expect(JSON.parse((await cli(['topics', '--json', '--workspace', workspace])).stdout)).toHaveLength(3);
  });

  it('refuses bad input with a clear error, exit 1, and writes nothing', async () => {
    const workspace = await tempDir();
    const passage = passageWith(coeQuote);
    const cases: Array<{ args: string[]; code: string; message: RegExp }> = [
      { args: ['--quote', 'a Centre of Excellence in Prishtina', '--topic', 'New topic'], code: 'BAD_REQUEST', message: /is not in passage/ },
      { args: ['--quote', coeQuote, '--topic', 'New topic', '--entity', 'no-such-entity'], code: 'NOT_FOUND', message: /Unknown entity no-such-entity/ },
      { args: ['--quote', coeQuote, '--topic', 'New topic', '--recommendation', 'no-such-rec'], code: 'NOT_FOUND', message: /Unknown recommendation no-such-rec/ },
      { args: ['--quote', coeQuote, '--color', 'turquoise'], code: 'BAD_REQUEST', message: /color/ },
    ];
    for (const { args, code, message } of cases) {
      const result = await cli(['annotate', passage.id, ...args, '--json', '--workspace', workspace]);
      expect(result.code, args.join(' ')).toBe(1);
      const { error } = JSON.parse(result.stdout);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    }
    const unknownPassage = await cli(['annotate', 'no-such-passage', '--quote', coeQuote, '--workspace', workspace]);
    expect(unknownPassage.code).toBe(1);
    expect(unknownPassage.stderr).toMatch(/^workbench: There is no passage with id no-such-passage/);

    // Nothing was written: no annotation, and the topic named alongside was not created.
    expect(await annotationsFile(workspace)).toEqual([]);
    expect(JSON.parse((await cli(['topics', '--json', '--workspace', workspace])).stdout)).toEqual([]);
  });
});

describe('workbench annotations and topics', () => {
  it('lists annotations with selectors and anchoring status, filtered by document and topic', async () => {
    const workspace = await tempDir();
    const coe = passageWith(coeQuote);
    const other = bundledCorpus().passages.find((passage) => passage.docId !== coe.docId && passage.kind === 'paragraph' && passage.text.length > 80)!;
    const otherQuote = other.text.slice(10, 60);
    expect((await cli(['annotate', coe.id, '--quote', coeQuote, '--topic', 'NATO', '--workspace', workspace])).code).toBe(0);
    expect((await cli(['annotate', other.id, '--quote', otherQuote, '--topic', 'Dialogue', '--workspace', workspace])).code).toBe(0);

    const all = JSON.parse((await cli(['annotations', '--json', '--workspace', workspace])).stdout);
    expect(all).toHaveLength(2);
    for (const item of all) {
      expect(item.anchorStatus).toBe('anchored');
      expect(Object.keys(item.target.selectors).sort()).toEqual(['page', 'position', 'quote']);
    }
    const byDoc = JSON.parse((await cli(['annotations', '--doc', other.docId, '--json', '--workspace', workspace])).stdout);
    expect(byDoc.map((item: { target: { selectors: { quote: { exact: string } } } }) => item.target.selectors.quote.exact)).toEqual([otherQuote]);
    const byTopic = JSON.parse((await cli(['annotations', '--topic', 'nato', '--json', '--workspace', workspace])).stdout);
    expect(byTopic.map((item: { docId: string }) => item.docId)).toEqual([coe.docId]);

    const unknown = await cli(['annotations', '--topic', 'Nothing like it', '--json', '--workspace', workspace]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.message).toMatch(/no topic called "Nothing like it"/);
  });
});

describe('workbench export', () => {
  it('writes annotations as Markdown, CSV and W3C JSON-LD, and the codebook as REFI-QDA', async () => {
    const workspace = await tempDir();
    const out = await tempDir();
    const passage = passageWith(coeQuote);
    await cli(['annotate', passage.id, '--quote', coeQuote, '--note', 'Note, with "quotes"', '--topic', 'Security / NATO', '--workspace', workspace]);

    const md = await cli(['export', 'annotations', '--format', 'md', '--out', join(out, 'a.md'), '--json', '--workspace', workspace]);
    expect(md.code).toBe(0);
    expect(JSON.parse(md.stdout)).toMatchObject({ count: 1, format: 'md' });
    const markdown = await readFile(join(out, 'a.md'), 'utf8');
    expect(markdown).toContain(`> ${coeQuote}`);
    expect(markdown).toContain('Note, with "quotes"');
    expect(markdown).toContain('- Topics: Security / NATO\n');

    await cli(['export', 'annotations', '--format', 'csv', '--out', join(out, 'a.csv'), '--workspace', workspace]);
    const csv = (await readFile(join(out, 'a.csv'), 'utf8')).split('\r\n');
    expect(csv[0]).toBe('document,page,quote,note,topic,entities,recommendations,created,speaker,start,end');
    expect(csv[1]).toContain(',"Note, with ""quotes""",Security / NATO,');

    await cli(['export', 'annotations', '--format', 'w3c', '--out', join(out, 'a.jsonld'), '--workspace', workspace]);
    const collection = JSON.parse(await readFile(join(out, 'a.jsonld'), 'utf8'));
    expect(collection).toMatchObject({ '@context': ['http://www.w3.org/ns/anno.jsonld', { fw: 'urn:field-workbench:vocab:' }], type: 'AnnotationCollection', total: 1 });
    const [web] = collection.first.items;
    expect(web).toMatchObject({ type: 'Annotation', target: { selector: [{ type: 'TextQuoteSelector', exact: coeQuote }, { type: 'TextPositionSelector' }] } });
    expect(web.body).toContainEqual(expect.objectContaining({ type: 'TextualBody', value: 'Security / NATO', purpose: 'tagging' }));
    expect(web.creator).toMatchObject({ type: 'Person', id: expect.stringMatching(/^urn:field-workbench:user:/) });

    await cli(['export', 'codebook', '--format', 'qdc', '--out', join(out, 'codebook.qdc'), '--workspace', workspace]);
    const qdc = await readFile(join(out, 'codebook.qdc'), 'utf8');
    expect(qdc).toMatch(/<Code guid="[0-9a-f-]{36}" name="Security" isCodable="true" color="#[0-9A-F]{6}">\s*<Code guid="[0-9a-f-]{36}" name="NATO"/);
  });

  it('refuses an unknown format and an empty codebook without writing a file', async () => {
    const workspace = await tempDir();
    const out = await tempDir();
    const bad = await cli(['export', 'annotations', '--format', 'docx', '--out', join(out, 'a.docx'), '--json', '--workspace', workspace]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('BAD_REQUEST');
    const empty = await cli(['export', 'codebook', '--format', 'qdc', '--out', join(out, 'c.qdc'), '--workspace', workspace]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/codebook is empty/);
    expect(await readdir(out)).toEqual([]);
  });

  it('exits 2 with usage when a required option is missing', async () => {
    const workspace = await tempDir();
    for (const args of [['export', 'annotations'], ['export', 'codebook'], ['annotate', 'some-passage']]) {
      const result = await cli([...args, '--workspace', workspace]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/required option/);
    }
  });
});
