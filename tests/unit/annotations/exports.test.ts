import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../electron/core/api/errors';
import { createCodingServices, type Annotation, type CodingServices } from '../../../electron/core/annotations';
import {
  exportAnnotationsCsv,
  exportAnnotationsMarkdown,
  exportRefiQdaCodebook,
  exportWebAnnotations,
  maxPages,
  topicGuid,
  toWebAnnotation,
  toWebAnnotationCollection,
  type WebAnnotationPage,
} from '../../../electron/core/annotations/export';
import { openWorkspace, type Workspace } from '../../../electron/core/store';
import type { Topic } from '../../../electron/core/topics';
import { codingCollections } from './helpers/coding-workspace';
import { natoBriefFile, paragraphsToPassages, seedPassages, TestCorpus } from './helpers/seed-corpus';

/** The schema ships in shared/, beside the repository (as on CI). */
const codebookXsd = fileURLToPath(new URL('../../../../shared/refi-qda/Codebook.xsd', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'workbench-qdc-'));

/** Validates with libxml2's xmllint (Debian package libxml2-utils). */
function validateCodebook(xml: string, name: string): { ok: boolean; output: string } {
  const file = join(scratch, name);
  writeFileSync(file, xml, 'utf8');
  const result = spawnSync('xmllint', ['--noout', '--schema', codebookXsd, file], { encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint is needed to validate REFI-QDA files (apt-get install libxml2-utils): ${result.error.message}`);
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

let workspace: Workspace;
let services: CodingServices;
let corpus: TestCorpus;
let topics: Record<string, Topic>;
let coded: Annotation;
let plain: Annotation;

beforeAll(async () => {
  corpus = new TestCorpus();
  corpus.setDocument('nato-brief', 'How to Advance Kosovo-NATO Relations?', seedPassages('nato-brief', natoBriefFile));
  corpus.setDocument('interview-1', 'Interview 1, Mitrovica', paragraphsToPassages('interview-1', ['Q: And the police?', 'People say "they are outsiders", and nobody, really nobody, calls them.'], ['Q', 'R1']));
  corpus.entities.set('nato', 'NATO');
  corpus.entities.set('ksf', 'Kosovo Security Force');
  corpus.recommendations.set('rec-3', 'Rec. 3: NATO Centre of Excellence');
  workspace = await openWorkspace(join(scratch, 'workspace'), { collections: codingCollections, holder: 'the exports test' });
  services = createCodingServices(workspace, corpus);
  const security = await services.topics.create({ name: 'Security & Defence', description: 'Everything <armed>, incl. "hybrid" threats' });
  const trust = await services.topics.create({ name: 'Trust in police', parentId: security.id, color: '#aa3311' });
  const local = await services.topics.create({ name: 'Mitrovica — Vučić\'s influence', parentId: trust.id });
  const north = await services.topics.create({ name: 'North Kosovo' });
  topics = { security, trust, local, north };
  const passage = corpus.passageContaining('nato-brief', 'Kosovo could propose establishing');
  coded = await services.annotations.createFromQuote({
    passageId: passage.id,
    quote: 'Kosovo could propose establishing a Centre of Excellence',
    note: 'Concrete, low-cost ask.',
    topicIds: [security.id, north.id],
    entityIds: ['nato', 'ksf'],
    recommendationIds: ['rec-3'],
  });
  plain = await services.annotations.createFromQuote({ passageId: 'interview-1-p1', quote: 'People say "they are outsiders", and nobody' });
});

afterAll(async () => {
  await workspace.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('REFI-QDA codebook', () => {
  it('writes nested codes that validate against Codebook.xsd', () => {
    const xml = exportRefiQdaCodebook(services.topics.list());
    const result = validateCodebook(xml, 'codebook.qdc');
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
    expect(xml).toContain('xmlns="urn:QDA-XML:codebook:1.0"');
    expect(xml).toContain(`guid="${topicGuid(topics.trust!.id)}" name="Trust in police" isCodable="true" color="#AA3311"`);
    expect(xml).toContain('name="Security &amp; Defence"');
    expect(xml).toContain('<Description>Everything &lt;armed&gt;, incl. "hybrid" threats</Description>');
    // Nesting follows the tree: the grandchild sits inside its parent inside the root.
    const order = ['Security &amp; Defence', 'Trust in police', 'Mitrovica — Vučić', 'North Kosovo'].map((name) => xml.indexOf(name));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(xml.indexOf('</Code>', order[2])).toBeLessThan(order[3]!);
  });

  it('derives stable version-4 GUIDs from topic ids', () => {
    const guid = topicGuid(topics.security!.id);
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(topicGuid(topics.security!.id)).toBe(guid);
    expect(topicGuid(topics.north!.id)).not.toBe(guid);
  });

  it('is checked by a validator that really rejects a broken codebook', () => {
    const broken = exportRefiQdaCodebook(services.topics.list()).replace('isCodable="true"', 'isCodable="sometimes"');
    expect(validateCodebook(broken, 'broken.qdc').ok).toBe(false);
  });

  it('refuses to write an empty codebook, which the schema does not allow', () => {
    expect(() => exportRefiQdaCodebook([])).toThrow(WorkbenchError);
  });
});

describe('CSV', () => {
  it('writes one row per quote and topic, and one row with an empty topic for an uncoded quote', () => {
    const csv = exportAnnotationsCsv(services.annotations.list(), { topics: services.topics.tree(), lookup: corpus });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('document,page,quote,note,topic,entities,recommendations,created,speaker,start,end');
    const page = coded.target.selectors.page!.page;
    const codedRow = (topic: string) =>
      `How to Advance Kosovo-NATO Relations?,${page},Kosovo could propose establishing a Centre of Excellence,"Concrete, low-cost ask.",${topic},NATO; Kosovo Security Force,Rec. 3: NATO Centre of Excellence,${coded.createdAt},,,`;
    expect(lines.slice(1, -1)).toEqual([
      `"Interview 1, Mitrovica",1,"People say ""they are outsiders"", and nobody",,,,,${plain.createdAt},R1,,`,
      codedRow('Security & Defence'),
      codedRow('North Kosovo'),
    ]);
    expect(lines.at(-1)).toBe('');
  });
});

describe('Markdown', () => {
  it('groups quotes by paper as block quotes with a citation and the note', () => {
    const markdown = exportAnnotationsMarkdown(services.annotations.list(), corpus);
    const page = coded.target.selectors.page!.page;
    expect(markdown).toContain(
      `## How to Advance Kosovo-NATO Relations?\n\n> Kosovo could propose establishing a Centre of Excellence\n>\n> (How to Advance Kosovo-NATO Relations?, p. ${page})\n\nConcrete, low-cost ask.\n`,
    );
    expect(markdown).toContain('## Interview 1, Mitrovica\n\n> People say "they are outsiders", and nobody\n>\n> (Interview 1, Mitrovica, p. 1)\n');
    expect(markdown.match(/^## /gm)).toHaveLength(2);
  });
});

describe('W3C Web Annotation', () => {
  const options = () => ({
    topics: services.topics.tree(),
    documentText: (docId: string) => corpus.getDocumentText(docId)?.text,
    entityName: (id: string) => corpus.entityName(id),
    recommendationLabel: (id: string) => corpus.recommendationLabel(id),
    coderOf: (annotation: Annotation) => services.annotations.coderOf(annotation),
    userName: (id: string) => (id === services.annotations.coderOf(coded) ? 'Amina Berisha' : undefined),
  });

  it('keeps every link as a body: the note comments, topics tag with their IRIs, entities and recommendations link', () => {
    const annotation = toWebAnnotation(coded, options());
    expect(annotation['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(annotation.type).toBe('Annotation');
    expect(annotation.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(annotation.body).toEqual([
      { type: 'TextualBody', value: 'Concrete, low-cost ask.', purpose: 'commenting', format: 'text/plain' },
      { id: `urn:field-workbench:topic:${encodeURIComponent(topics.security!.id)}`, type: 'TextualBody', value: 'Security & Defence', purpose: 'tagging' },
      { id: `urn:field-workbench:topic:${encodeURIComponent(topics.north!.id)}`, type: 'TextualBody', value: 'North Kosovo', purpose: 'tagging' },
      { type: 'SpecificResource', purpose: 'linking', source: { id: 'urn:field-workbench:entity:nato', type: 'fw:Entity', label: 'NATO' } },
      { type: 'SpecificResource', purpose: 'linking', source: { id: 'urn:field-workbench:entity:ksf', type: 'fw:Entity', label: 'Kosovo Security Force' } },
      { type: 'SpecificResource', purpose: 'linking', source: { id: 'urn:field-workbench:recommendation:rec-3', type: 'fw:Recommendation', label: 'Rec. 3: NATO Centre of Excellence' } },
    ]);
    expect(annotation.creator).toEqual({ id: `urn:field-workbench:user:${services.annotations.coderOf(coded)}`, type: 'Person', name: 'Amina Berisha' });
    expect(annotation.target).toEqual({
      type: 'SpecificResource',
      source: 'urn:field-workbench:document:nato-brief',
      styleClass: coded.color,
      'fw:page': coded.target.selectors.page!.page,
      selector: [
        { type: 'TextQuoteSelector', ...pick(coded.target.selectors.quote, ['exact', 'prefix', 'suffix']) },
        { type: 'TextPositionSelector', start: coded.target.selectors.position.start, end: coded.target.selectors.position.end },
      ],
    });
    expect(annotation.stylesheet.value).toContain(`.${coded.color} {`);
    expect(annotation.created).toBe(coded.createdAt);
    expect(annotation.modified).toBe(coded.updatedAt);
  });

  it('leaves out the body of a bare highlight', () => {
    const annotation = toWebAnnotation(plain, { ...options(), sourceIri: (docId) => `app://documents/${docId}` });
    expect(annotation).not.toHaveProperty('body');
    expect(annotation).toMatchObject({ motivation: 'highlighting', target: { source: 'app://documents/interview-1' } });
  });

  it('pages a collection: total, the first page embedded, each next page embedded in the one before, last named', () => {
    const list = services.annotations.list();
    const collection = JSON.parse(exportWebAnnotations(list, { ...options(), collectionIri: 'urn:field-workbench:project:p:annotations', pageSize: 1 })) as {
      '@context': unknown;
      type: string;
      total: number;
      last: string;
      first: { id: string; startIndex: number; items: Array<{ id: string; '@context'?: unknown }>; next?: { id: string; startIndex: number; prev: string; items: Array<{ id: string }>; next?: unknown } };
    };
    expect(collection['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { fw: 'urn:field-workbench:vocab:' }]);
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: list.length });
    expect(list).toHaveLength(2);
    const second = collection.first.next!;
    expect([collection.first.startIndex, second.startIndex]).toEqual([0, 1]);
    expect(second.prev).toBe(collection.first.id);
    expect(collection.last).toBe(second.id);
    expect(second.next).toBeUndefined();
    expect([...collection.first.items, ...second.items].map((item) => item.id).sort()).toEqual(list.map((annotation) => toWebAnnotation(annotation, options()).id).sort());
    // The collection's context covers its items.
    expect(collection.first.items[0]).not.toHaveProperty('@context');
  });

  it('makes pages larger rather than nesting more than maxPages deep', () => {
    const many = Array.from({ length: maxPages * 2 + 1 }, (_, index) => ({ ...plain, id: `copy-${index}` }));
    const collection = toWebAnnotationCollection(many, { ...options(), collectionIri: 'urn:x:c', pageSize: 1 });
    let pages = 0;
    for (let page: WebAnnotationPage | undefined = collection.first; page; page = page.next) pages++;
    expect(pages).toBeLessThanOrEqual(maxPages);
    expect(collection.total).toBe(many.length);
    // The nested pages are not indented level by level: the file is about the size of its annotations.
    const text = exportWebAnnotations(many, { ...options(), collectionIri: 'urn:x:c', pageSize: 1 });
    const itemsSize = many.reduce((sum, annotation) => sum + JSON.stringify(toWebAnnotation(annotation, options())).length, 0);
    expect(text.length).toBeLessThan(itemsSize * 1.2);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(collection)));
  });
});

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

// Fail loudly, not silently skip, when the validator is missing.
execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
