import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { repoRoot, useCores } from '../../helpers/core';
import { rejection } from '../../helpers/workbench-error';
import { call } from './support';

/**
 * Annotations made elsewhere come in: our own W3C export into a fresh workspace, and a
 * Hypothesis export quoting the bundled papers (the seeds in ../shared/seeds), anchored by
 * their quotes; what anchors nowhere is named, a second import adds nothing, and a broken
 * file changes nothing.
 */
const hypothesisFixture = join(repoRoot, 'tests/fixtures/hypothesis/kcss-reading-group.json');
const openCore = useCores();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workbench-w3c-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function fresh(name: string): Promise<Core> {
  return openCore(join(root, name));
}

/** Each annotation as quote, note and topic paths, sorted, to compare workspaces. */
async function coding(core: Core): Promise<Array<{ docId: string; quote: string; note: string; topics: string[] }>> {
  const pathOf = await topicPaths(core);
  const list = await call(core, 'annotations.list', {});
  return list
    .map((annotation) => ({ docId: annotation.docId, quote: annotation.target.selectors.quote.exact, note: annotation.note, topics: annotation.topicIds.map(pathOf).sort() }))
    .sort((a, b) => `${a.docId}${a.quote}`.localeCompare(`${b.docId}${b.quote}`));
}

/** A topic's path ("Security / NATO") by its id, from the codebook as the API lists it. */
async function topicPaths(core: Core): Promise<(id: string) => string> {
  const topics = await call(core, 'topics.list', {});
  const pathOf = (id: string): string => {
    const topic = topics.find((candidate) => candidate.id === id);
    if (!topic) return id;
    return topic.parentId ? `${pathOf(topic.parentId)} / ${topic.name}` : topic.name;
  };
  return pathOf;
}

/** The sentence of a bundled paper's text that starts with `start`, as the corpus has it. */
function bundledHolding(core: Core, words: string): { docId: string; passageId: string } {
  for (const document of core.corpus.allDocuments().filter((d) => d.origin === 'bundled')) {
    const passage = core.corpus.passages(document.id).find((p) => p.text.includes(words));
    if (passage) return { docId: document.id, passageId: passage.id };
  }
  throw new Error(`No bundled passage holds "${words}"`);
}

describe('importing W3C Web Annotations', () => {
  it('recreates our own export in a fresh workspace: quotes, notes, topics and their hierarchy', async () => {
    const sender = await fresh('sender');
    await call(sender, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
    const security = await call(sender, 'topics.create', { name: 'Security' });
    const nato = await call(sender, 'topics.create', { name: 'NATO', parentId: security.id });
    const russia = await call(sender, 'topics.create', { name: 'Russia' });
    const first = bundledHolding(sender, 'Central to Russia');
    await call(sender, 'annotations.create', { passageId: first.passageId, quote: 'the exposure of NATO as a weak security actor', topicIds: [nato.id, russia.id], note: 'Russia’s aim, line 2 — “weak”.' });
    const second = bundledHolding(sender, 'Banjska terrorist attack');
    await call(sender, 'annotations.create', { passageId: second.passageId, quote: 'the Banjska terrorist attack', topicIds: [security.id] });
    const exported = await call(sender, 'annotations.export', { format: 'w3c' });
    const file = join(root, 'annotations.jsonld');
    await writeFile(file, exported.text);
    const expected = await coding(sender);
    expect(expected).toHaveLength(2);

    const receiver = await fresh('receiver');
    const result = await call(receiver, 'import.file', { path: file });
    expect(result.project).toMatchObject({ format: 'w3c', annotations: 2, notes: 1, topicsCreated: 3, notAnchored: [] });
    expect(result.project!.summary).toContain('imported 2; not anchored 0');
    expect(await coding(receiver)).toEqual(expected);
    // The hierarchy came back as such, not as a topic named "Security / NATO".
    const topics = await call(receiver, 'topics.list', {});
    const natoHere = topics.find((topic) => topic.name === 'NATO')!;
    expect(topics.find((topic) => topic.id === natoHere.parentId)?.name).toBe('Security');

    // Twice: nothing more.
    const again = await call(receiver, 'import.file', { path: file });
    expect(again.project).toMatchObject({ annotations: 0, topicsCreated: 0 });
    expect(again.project!.summary).toContain('imported 0 (2 already here)');
    expect(await coding(receiver)).toEqual(expected);
    expect(await call(receiver, 'topics.list', {})).toHaveLength(3);
  }, 60_000);

  it('reads an AnnotationCollection with embedded pages and a creator', async () => {
    const core = await fresh('collection');
    const held = bundledHolding(core, 'Banjska terrorist attack');
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 1,
      first: {
        type: 'AnnotationPage',
        items: [
          {
            id: 'https://annotations.example.org/a/1',
            type: 'Annotation',
            body: [{ type: 'TextualBody', value: 'The attack that changed KFOR posture.', purpose: 'commenting' }, { type: 'TextualBody', value: 'Banjska', purpose: 'tagging' }],
            target: { source: `urn:field-workbench:document:${held.docId}`, selector: { type: 'TextQuoteSelector', exact: 'the Banjska terrorist attack' } },
            creator: { type: 'Person', id: 'https://orcid.org/0000-0002-1825-0097', name: 'Leart Hoxha' },
            created: '2026-10-01T10:00:00Z',
          },
        ],
      },
    };
    const file = join(root, 'collection.jsonld');
    await writeFile(file, JSON.stringify(collection));
    const result = await call(core, 'import.file', { path: file });
    expect(result.project).toMatchObject({ format: 'w3c', annotations: 1, authors: ['Leart Hoxha'] });
    const [annotation] = await call(core, 'annotations.list', {});
    expect(annotation).toMatchObject({ docId: held.docId, note: 'The attack that changed KFOR posture.', createdAt: '2026-10-01T10:00:00.000Z' });
    expect(annotation!.createdBy).toBe('leart-hoxha');
    expect((await call(core, 'team.users', {})).users.map((user) => user.name)).toContain('Leart Hoxha');
  }, 60_000);
});

describe('importing a Hypothesis export', () => {
  it('anchors by quote onto the bundled papers, makes tags topics and users authors, and names what anchors nowhere', async () => {
    const core = await fresh('hypothesis');
    const result = await call(core, 'import.file', { path: hypothesisFixture });
    expect(result.project).toMatchObject({ format: 'hypothesis', annotations: 2, notes: 1, topicsCreated: 4, authors: ['Dren Gashi', 'vjosa.krasniqi'] });
    expect(result.project!.summary).toContain('imported 2;');
    expect(result.project!.summary).toContain('not anchored 1 (Talks to resume in Geneva: “The committee will reconvene');
    expect(result.project!.notAnchored).toEqual([expect.stringContaining('Talks to resume in Geneva')]);

    const list = await call(core, 'annotations.list', {});
    const russia = list.find((annotation) => annotation.note.startsWith('Russia'))!;
    expect(russia.target.selectors.quote.exact).toBe("Central to Russia's agenda is the exposure of NATO as a weak security actor and the portrayal of the EU as an unreliable partner.");
    expect(russia.docId).toBe(bundledHolding(core, 'Central to Russia').docId);
    expect(russia.createdBy).toBe('dren-gashi');
    const banjska = list.find((annotation) => annotation.target.selectors.quote.exact.startsWith('Tensions escalated'))!;
    expect(banjska.createdBy).toBe('vjosa-krasniqi');
    const topics = await call(core, 'topics.list', {});
    const pathOf = await topicPaths(core);
    expect(russia.topicIds.map(pathOf).sort()).toEqual(['Russia', 'Security / NATO']);
    expect(banjska.topicIds.map(pathOf)).toEqual(['Banjska']);
    // "Dialogue" belonged only to the annotation that did not anchor.
    expect(topics.map((topic) => topic.name).sort()).toEqual(['Banjska', 'NATO', 'Russia', 'Security']);

    const again = await call(core, 'import.file', { path: hypothesisFixture });
    expect(again.project).toMatchObject({ annotations: 0, topicsCreated: 0 });
    expect(await call(core, 'annotations.list', {})).toHaveLength(2);
  }, 60_000);

  it('is read through import.bytes too, as the Library sends a dropped file', async () => {
    const core = await fresh('bytes');
    const base64 = (await readFile(hypothesisFixture)).toString('base64');
    const result = await call(core, 'import.bytes', { fileName: 'kcss-reading-group.json', base64 });
    expect(result.project).toMatchObject({ format: 'hypothesis', annotations: 2 });
  }, 60_000);
});

describe('refusing a broken file', () => {
  it('refuses malformed JSON and annotations that are not annotations, leaving the workspace as it was', async () => {
    const core = await fresh('broken');
    await call(core, 'import.file', { path: hypothesisFixture });
    const before = await coding(core);
    const journals = async () => {
      const names = (await readdir(join(root, 'broken'))).filter((name) => name.endsWith('.journal')).sort();
      return Promise.all(names.map(async (name) => `${name}:${(await readFile(join(root, 'broken', name), 'utf8')).length}`));
    };
    const journalsBefore = await journals();

    const broken = join(root, 'broken.jsonld');
    await writeFile(broken, '[{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": ');
    const error = await rejection(call(core, 'import.file', { path: broken }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/“broken\.jsonld” is not valid JSON .*Nothing was imported\./);

    const noTarget = join(root, 'no-target.jsonld');
    await writeFile(noTarget, JSON.stringify([{ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: { type: 'TextualBody', value: 'x' } }]));
    const invalid = await rejection(call(core, 'import.file', { path: noTarget }));
    expect(invalid.code).toBe('BAD_REQUEST');
    expect(invalid.message).toMatch(/Annotation 1 in “no-target\.jsonld” is not a W3C Web annotation: .*\(target\)\. Nothing was imported\./);

    const other = join(root, 'package.json');
    await writeFile(other, JSON.stringify({ name: 'not-annotations', version: '1.0.0' }));
    expect((await rejection(call(core, 'import.file', { path: other }))).code).toBe('UNSUPPORTED');

    expect(await coding(core)).toEqual(before);
    expect(await journals()).toEqual(journalsBefore);
  }, 60_000);
});
