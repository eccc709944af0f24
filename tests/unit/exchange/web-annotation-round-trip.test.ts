import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { useCores } from '../../helpers/core';
import { annotationCollectionSchema, annotationPageSchema, annotationSchema, type AnnotationPageShape } from '../../helpers/web-annotation-model';
import { call } from './support';

/**
 * Our W3C export taken back by our own importer into a fresh workspace keeps everything:
 * quotes with their context, notes, topics, entity and recommendation links, colours, pages,
 * times and the author. A transcript full of emoji, whose sentence repeats word for word,
 * shows positions are counted in code points both ways: only the position tells the
 * occurrences apart.
 */
const openCore = useCores();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workbench-w3c-round-trip-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const emojiParagraph = '🙂🙂🙂 The patrol came back. 🚓🚓🚓';
const emojiTranscript = Array.from({ length: 12 }, () => emojiParagraph).join('\n\n');

async function importTranscript(core: Core): Promise<string> {
  const imported = await call(core, 'import.bytes', { fileName: 'patrols.txt', base64: Buffer.from(emojiTranscript).toString('base64') });
  return imported.documentId;
}

/** The text positions count in: the document's passages joined by a blank line. */
function documentText(core: Core, docId: string): string {
  return core.corpus
    .passages(docId)
    .sort((a, b) => a.order - b.order)
    .map((passage) => passage.text)
    .join('\n\n');
}

/** Everything an annotation says, by names rather than workspace-local ids. */
async function everything(core: Core) {
  const users = new Map((await call(core, 'team.users', {})).users.map((user) => [user.id, user.name]));
  return (await call(core, 'annotations.list', {}))
    .map((annotation) => ({
      document: annotation.documentTitle,
      quote: annotation.target.selectors.quote,
      position: annotation.target.selectors.position,
      page: annotation.target.selectors.page,
      note: annotation.note,
      color: annotation.color,
      topics: annotation.topics.map((topic) => topic.path).sort(),
      entityIds: [...annotation.entityIds].sort(),
      recommendationIds: [...annotation.recommendationIds].sort(),
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt,
      coder: annotation.coder,
      author: users.get(annotation.coder),
    }))
    .sort((a, b) => `${a.document}${a.position.start}${a.author}`.localeCompare(`${b.document}${b.position.start}${b.author}`));
}

describe('W3C export and import, round trip', () => {
  it('keeps every quote, note, topic, link, colour, page and the author in a fresh workspace', async () => {
    const sender = await openCore(join(root, 'sender'));
    await call(sender, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
    const security = await call(sender, 'topics.create', { name: 'Security' });
    const nato = await call(sender, 'topics.create', { name: 'NATO', parentId: security.id });
    const patrols = await call(sender, 'topics.create', { name: 'Patrols' });

    const recommendation = sender.corpus.recommendations()[2]!;
    const passage = sender.corpus.passage(recommendation.passageId);
    const entity = sender.corpus.entities().find((candidate) => candidate.name === 'NATO') ?? sender.corpus.entities()[0]!;
    const quote = passage.text.split(/(?<=\.)\s/)[0]!.slice(0, 60);
    const linked = await call(sender, 'annotations.create', {
      passageId: passage.id,
      quote,
      note: 'Ask NATO for a Centre of Excellence — “cheap”.',
      color: 'green',
      topicIds: [nato.id],
      entityIds: [entity.id],
      recommendationIds: [recommendation.id],
    });
    await call(sender, 'annotations.edit', { id: linked.id, note: 'Ask NATO for a Centre of Excellence — “cheap”, line 2.' });

    const transcriptId = await importTranscript(sender);
    const tenth = sender.corpus.passages(transcriptId).sort((a, b) => a.order - b.order)[9]!;
    expect(tenth.text).toBe(emojiParagraph);
    const repeated = await call(sender, 'annotations.create', {
      passageId: tenth.id,
      quote: 'The patrol came back.',
      offsetInPassage: tenth.text.indexOf('The patrol'),
      color: 'purple',
      topicIds: [patrols.id],
    });
    await call(sender, 'annotations.create', { passageId: tenth.id, quote: '🚓🚓', offsetInPassage: tenth.text.indexOf('🚓'), note: 'the cars 🚓' });
    // A second coder codes the same words the same way: two annotations, not one.
    await call(sender, 'app.setUser', { name: 'Besnik Gashi', id: 'besnik' });
    await call(sender, 'annotations.create', { passageId: tenth.id, quote: 'The patrol came back.', offsetInPassage: tenth.text.indexOf('The patrol'), color: 'purple', topicIds: [patrols.id] });

    const exported = await call(sender, 'annotations.export', { format: 'w3c' });
    const collection = annotationCollectionSchema.parse(JSON.parse(exported.text));
    expect(collection['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    const items = pageItems(collection.first as AnnotationPageShape);
    expect(collection.total).toBe(4);
    expect(items).toHaveLength(4);
    for (const item of items) annotationSchema.parse(item);

    // Positions count code points in the document text: the quote is there, character for character.
    const senderText = documentText(sender, transcriptId);
    const exportedRepeat = items.find((item) => JSON.stringify(item).includes('The patrol came back.') && JSON.stringify(item).includes('Amina'))!;
    const position = exportedRepeat.target.selector.find((selector) => selector.type === 'TextPositionSelector')!;
    expect([...senderText].slice(position.start!, position.end!).join('')).toBe('The patrol came back.');
    expect(position.start).not.toBe(repeated.target.selectors.position.start);
    // The creator is a Person with a name and a stable IRI.
    expect(exportedRepeat.creator).toEqual({ id: 'urn:field-workbench:user:amina', type: 'Person', name: 'Amina Berisha' });

    const file = join(root, 'annotations.jsonld');
    await writeFile(file, exported.text);
    const receiver = await openCore(join(root, 'receiver'));
    await importTranscript(receiver);
    const result = await call(receiver, 'import.file', { path: file });
    expect(result.project).toMatchObject({ format: 'w3c', annotations: 4, notAnchored: [] });
    expect(result.project!.authors.sort()).toEqual(['Amina Berisha', 'Besnik Gashi']);
    expect(result.project!.kept).toContain('2 links to entities and recommendations');

    const sent = await everything(sender);
    const received = await everything(receiver);
    expect(received).toEqual(sent);
    expect(received.map((annotation) => annotation.author).sort()).toEqual(['Amina Berisha', 'Amina Berisha', 'Amina Berisha', 'Besnik Gashi']);
    expect(received.filter((annotation) => annotation.color === 'purple').map((annotation) => annotation.position)).toEqual([repeated.target.selectors.position, repeated.target.selectors.position]);
    // The same file again adds nothing.
    const again = await call(receiver, 'import.file', { path: file });
    expect(again.project).toMatchObject({ annotations: 0 });
    expect(await everything(receiver)).toEqual(sent);
  }, 120_000);

  it('reads back a file whose pages nest, and says which links it could not keep', async () => {
    const core = await openCore(join(root, 'unknown-links'));
    const passage = core.corpus.passages(core.corpus.allDocuments().find((document) => document.origin === 'bundled')!.id)[5]!;
    const exact = passage.text.slice(0, 40);
    const annotation = (n: number, extra: object) => ({
      id: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`,
      type: 'Annotation',
      ...extra,
      target: { type: 'SpecificResource', source: 'urn:field-workbench:document:elsewhere', styleClass: 'red', selector: [{ type: 'TextQuoteSelector', exact }] },
    });
    const file = join(root, 'nested.jsonld');
    await writeFile(
      file,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'urn:x:c',
        type: 'AnnotationCollection',
        total: 2,
        first: {
          type: 'AnnotationPage',
          items: [annotation(1, { body: [{ type: 'SpecificResource', purpose: 'linking', source: 'urn:field-workbench:entity:no-such-entity' }] })],
          next: { type: 'AnnotationPage', items: [annotation(2, { body: { type: 'TextualBody', value: 'second page', purpose: 'commenting' } })] },
        },
      }),
    );
    const result = await call(core, 'import.file', { path: file });
    expect(result.project).toMatchObject({ annotations: 2 });
    expect(result.project!.skipped).toContain('1 link to entities or recommendations not in this workspace');
    const list = await call(core, 'annotations.list', {});
    expect(list.map((item) => item.color)).toEqual(['red', 'red']);
    expect(list.map((item) => item.note).sort()).toEqual(['', 'second page']);
  }, 60_000);
});

type Item = { target: { selector: Array<{ type: string; start?: number; end?: number }> }; creator?: unknown };

/** Every annotation of a collection, following the embedded `next` pages. */
function pageItems(first: AnnotationPageShape): Item[] {
  const items: Item[] = [];
  for (let page: AnnotationPageShape | string | undefined = first; page && typeof page !== 'string'; page = page.next) {
    annotationPageSchema.parse(page);
    items.push(...(page.items as Item[]));
  }
  return items;
}
