/**
 * A document's content rewritten after it was shared (anonymised, a passage corrected, and
 * either undone) reaches the colleagues who have it, and those who get it later, by bundle
 * and by sync: the library record names the content's version, so a rewrite is a new
 * revision of it, and a newer version of a document already here replaces its files.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { createCore } from '../../../electron/core/core';
import { resourcesDir, useCores } from '../../helpers/core';
import { useCouchServer } from '../../helpers/couch-server';
import { useTempDirs } from '../../helpers/temp-dir';
import { arben, importInterview, passagesOf } from '../interviews/support';
import { call } from './support';

const tempDir = useTempDirs();
const openCore = useCores();
const couchServer = useCouchServer();

const pseudonyms = [
  { real: 'Arben Krasniqi', pseudonym: 'Respondent 4' },
  { real: 'Arben', pseudonym: 'Besim' },
];

async function colleague(name: string, id: string): Promise<Core> {
  const core = await openCore(await tempDir());
  await call(core, 'app.setUser', { name, id });
  return core;
}

/** Amina imported the interview and shared it with Besnik by bundle, before anonymising it. */
async function sharedInterview() {
  const bundles = await tempDir();
  const amina = await colleague('Amina Berisha', 'amina');
  const docId = await importInterview(amina);
  const besnik = await colleague('Besnik Gashi', 'besnik');
  const first = await call(amina, 'team.exportBundle', { out: join(bundles, 'amina-0.fwx') });
  expect(await call(besnik, 'team.mergeBundle', { file: first.file, join: true })).toMatchObject({ documents: 1 });
  let lastSeq = first.lastSeq;
  let count = 0;
  /** Amina's work since her last bundle, merged by Besnik (and answered, with what it carried). */
  const sendToBesnik = async () => {
    const bundle = await call(amina, 'team.exportBundle', { out: join(bundles, `amina-${++count}.fwx`), since: lastSeq });
    lastSeq = bundle.lastSeq;
    return { bundle, merged: await call(besnik, 'team.mergeBundle', { file: bundle.file }) };
  };
  return { bundles, amina, besnik, docId, sendToBesnik };
}

/** The document's folder, name → bytes as base64. */
async function folder(core: Core, docId: string): Promise<Record<string, string>> {
  const dir = join(core.workspace.dir, 'documents', docId);
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, (await readFile(join(dir, name))).toString('base64')] as const)));
}

/** All a colleague can read of the document: its passages, speakers, title and file name. */
function readable(core: Core, docId: string): string {
  const document = core.corpus.document(docId);
  return JSON.stringify([document.title, document.source, passagesOf(core, docId).map((passage) => [passage.text, passage.speaker])]);
}

/** The words an annotation's highlight covers in the text as it now is. */
function quoted(core: Core, annotation: { ranges: Array<{ passageId: string; start: number; end: number }> }): string {
  return annotation.ranges.map((range) => core.corpus.passage(range.passageId).text.slice(range.start, range.end)).join(' ');
}

async function searchHits(core: Core, query: string, docId: string): Promise<number> {
  const found = await call(core, 'search.query', { query, prefix: false, types: ['passage'] });
  return found.results.filter((result) => JSON.stringify(result).includes(docId)).length;
}

describe('a rewritten document travels by bundle', () => {
  it('anonymised after it was shared: the next bundle carries the new files, the colleague keeps no real name, and merging it twice changes nothing', async () => {
    const { amina, besnik, docId, sendToBesnik, bundles } = await sharedInterview();
    const family = passagesOf(besnik, docId).find((passage) => passage.text.includes("Arben's family"))!;
    // Besnik coded a quote of his own before the names went.
    const his = await call(besnik, 'annotations.create', { passageId: family.id, quote: 'came from Vushtrri', note: 'Origins' });
    expect(await searchHits(besnik, 'arben', docId)).toBeGreaterThan(0);

    await call(amina, 'interviews.anonymise', { docId, replacements: pseudonyms, keyPath: join(bundles, 'key.json') });
    const { bundle, merged } = await sendToBesnik();
    expect(bundle.documents).toBe(1);
    expect(merged.updated).toBeGreaterThan(0);
    expect(merged.conflicts).toBe(0);

    expect(await folder(besnik, docId)).toEqual(await folder(amina, docId));
    expect(readable(besnik, docId)).toEqual(readable(amina, docId));
    expect(readable(besnik, docId)).not.toMatch(arben);
    expect(Object.values(await folder(besnik, docId)).map((base64) => Buffer.from(base64, 'base64').toString('utf8')).join('\n')).not.toMatch(arben);
    expect(await searchHits(besnik, 'arben', docId)).toBe(0);
    expect(await searchHits(besnik, 'besim', docId)).toBeGreaterThan(0);
    // His own quote is still where it was: the words around the name did not move away.
    const mine = (await call(besnik, 'annotations.list', { docId })).find((annotation) => annotation.id === his.id)!;
    expect(mine.anchorStatus).not.toBe('orphan');
    expect(quoted(besnik, mine)).toBe('came from Vushtrri');

    // The same bundle again: nothing new, nothing written.
    const before = besnik.workspace.changes(0).lastSeq;
    const again = await call(besnik, 'team.mergeBundle', { file: bundle.file });
    expect(again).toMatchObject({ added: 0, updated: 0, conflicts: 0 });
    expect(besnik.workspace.changes(0).lastSeq).toBe(before);
    expect(await folder(besnik, docId)).toEqual(await folder(amina, docId));
  });

  it('undoing the anonymisation on Amina’s side travels too', async () => {
    const { amina, besnik, docId, sendToBesnik } = await sharedInterview();
    const original = await folder(besnik, docId);
    await call(amina, 'interviews.anonymise', { docId, replacements: pseudonyms });
    await sendToBesnik();
    expect(readable(besnik, docId)).not.toMatch(arben);

    await call(amina, 'undo.undo', {});
    expect(readable(amina, docId)).toMatch(arben);
    const { merged } = await sendToBesnik();
    expect(merged.conflicts).toBe(0);
    expect(readable(besnik, docId)).toEqual(readable(amina, docId));
    expect(await folder(besnik, docId)).toEqual(await folder(amina, docId));
    expect(await folder(besnik, docId)).toEqual(original);
  });

  it('a passage corrected after it was shared: the colleague reads the correction, and their quote on the passage follows it', async () => {
    const { amina, besnik, docId, sendToBesnik } = await sharedInterview();
    const passage = passagesOf(amina, docId).find((candidate) => candidate.text.startsWith('Not always'))!;
    const his = await call(besnik, 'annotations.create', { passageId: passage.id, quote: 'works for them', note: 'Family in the police' });
    const corrected = passage.text.replace('Not always.', 'Not always, to be honest.');
    await call(amina, 'transcript.correctPassage', { docId, passageId: passage.id, text: corrected });

    const { merged } = await sendToBesnik();
    expect(merged.conflicts).toBe(0);
    expect(besnik.corpus.passage(passage.id).text).toBe(corrected);
    expect(await folder(besnik, docId)).toEqual(await folder(amina, docId));
    expect(await searchHits(besnik, 'honest', docId)).toBe(1);
    const mine = (await call(besnik, 'annotations.list', { docId })).find((annotation) => annotation.id === his.id)!;
    expect(quoted(besnik, mine)).toBe('works for them');
    expect(mine.anchorStatus).toBe('anchored');
  });

  it('a colleague who gets the anonymised document later (a full bundle) takes it in: its files pass the check', async () => {
    const { amina, docId, bundles } = await sharedInterview();
    await call(amina, 'interviews.anonymise', { docId, replacements: pseudonyms });
    const clara = await colleague('Clara Hoxha', 'clara');
    const full = await call(amina, 'team.exportBundle', { out: join(bundles, 'full.fwx') });
    const merged = await call(clara, 'team.mergeBundle', { file: full.file, join: true });
    expect(merged.documents).toBe(1);
    expect(readable(clara, docId)).toEqual(readable(amina, docId));
    expect(readable(clara, docId)).not.toMatch(arben);
  });

  it('both sides rewrote the document: one version wins on both sides, the other is kept aside and listed as a conflict, and choosing it brings it back everywhere', async () => {
    const { amina, besnik, docId, sendToBesnik, bundles } = await sharedInterview();
    const passage = passagesOf(besnik, docId).find((candidate) => candidate.text.startsWith('Not always'))!;
    await call(besnik, 'transcript.correctPassage', { docId, passageId: passage.id, text: passage.text.replace('Not always.', 'Never.') });
    await call(amina, 'interviews.anonymise', { docId, replacements: pseudonyms });
    const toBesnik = await sendToBesnik();
    expect(toBesnik.merged.conflicts).toBe(1);
    const back = await call(besnik, 'team.exportBundle', { out: join(bundles, 'besnik-1.fwx') });
    const toAmina = await call(amina, 'team.mergeBundle', { file: back.file });
    expect(toAmina.conflicts).toBe(1);
    // The same winner on both sides, with its own files.
    expect(readable(besnik, docId)).toEqual(readable(amina, docId));
    expect(await folder(besnik, docId)).toEqual(await folder(amina, docId));
    for (const core of [amina, besnik]) {
      const conflicts = await call(core, 'team.conflicts', {});
      expect(conflicts.map((conflict) => conflict.id)).toContain(docId);
    }
    // Which version wins is CouchDB's rule (the revision's hash); the side whose version lost
    // kept its files aside, and says so.
    const sides = [
      { core: besnik, replaced: toBesnik.merged.replacedDocuments },
      { core: amina, replaced: toAmina.replacedDocuments },
    ];
    const loser = sides.find((side) => side.replaced.length > 0)!;
    const winner = sides.find((side) => side !== loser)!;
    expect(winner.replaced).toEqual([]);
    expect(loser.replaced).toEqual([{ docId, keptAside: expect.stringContaining('.superseded-') }]);
    const keptRecord = JSON.parse(await readFile(join(loser.replaced[0]!.keptAside!, 'document.json'), 'utf8')) as { passages: Array<{ text: string }> };
    const losingText = loser.core === amina ? 'Besim' : 'Never.';
    expect(JSON.stringify(keptRecord.passages)).toContain(losingText);
    expect(readable(loser.core, docId)).not.toContain(losingText);

    // The loser chooses their own version: its files come back, and the choice travels.
    const conflict = (await call(loser.core, 'team.conflicts', {})).find((candidate) => candidate.id === docId)!;
    const own = conflict.versions.find((version) => !version.current)!;
    await call(loser.core, 'team.resolveConflict', { collection: 'library', id: docId, rev: own.rev });
    expect(readable(loser.core, docId)).toContain(losingText);
    const resolved = await call(loser.core, 'team.exportBundle', { out: join(bundles, 'resolved.fwx') });
    const merged = await call(winner.core, 'team.mergeBundle', { file: resolved.file });
    expect(merged.replacedDocuments).toEqual([{ docId }]);
    expect(readable(winner.core, docId)).toEqual(readable(loser.core, docId));
    expect(await folder(winner.core, docId)).toEqual(await folder(loser.core, docId));
    for (const { core } of sides) expect((await call(core, 'team.conflicts', {})).map((candidate) => candidate.id)).not.toContain(docId);
  });
});

describe('a document anonymised before library records named their content', () => {
  it('is stamped with its version when the workspace opens, and then reaches the colleague who has the real names and one who has nothing', async () => {
    const bundles = await tempDir();
    const aminaDir = await tempDir();
    const first = await (async () => {
      const amina = await createCore({ workspaceDir: aminaDir, resourcesDir, holder: 'a test' });
      try {
        await call(amina, 'app.setUser', { name: 'Amina Berisha', id: 'amina' });
        const docId = await importInterview(amina);
        return { docId, bundle: await call(amina, 'team.exportBundle', { out: join(bundles, 'amina-0.fwx') }) };
      } finally {
        await amina.close();
      }
    })();
    const { docId } = first;
    const besnik = await colleague('Besnik Gashi', 'besnik');
    await call(besnik, 'team.mergeBundle', { file: first.bundle.file, join: true });
    // What the previous release's anonymising left: the files rewritten, the library record as it was.
    const dir = join(aminaDir, 'documents', docId);
    const pseudonymise = (text: string) => text.replace(/Arben Krasniqi/g, 'Respondent 4').replace(/ARBEN KRASNIQI/g, 'RESPONDENT 4').replace(/(?<![\p{L}])arben(?![\p{L}])/giu, 'Besim');
    for (const name of ['original.txt', 'document.json']) await writeFile(join(dir, name), pseudonymise(await readFile(join(dir, name), 'utf8')));

    const amina = await openCore(aminaDir);
    expect(readable(amina, docId)).not.toMatch(arben);
    const next = await call(amina, 'team.exportBundle', { out: join(bundles, 'amina-1.fwx'), since: first.bundle.lastSeq });
    expect(next.documents).toBe(1);
    const merged = await call(besnik, 'team.mergeBundle', { file: next.file });
    expect(merged.replacedDocuments).toEqual([{ docId }]);
    expect(readable(besnik, docId)).toEqual(readable(amina, docId));
    expect(readable(besnik, docId)).not.toMatch(arben);

    const clara = await colleague('Clara Hoxha', 'clara');
    const full = await call(amina, 'team.exportBundle', { out: join(bundles, 'full.fwx') });
    expect(await call(clara, 'team.mergeBundle', { file: full.file, join: true })).toMatchObject({ documents: 1 });
    expect(readable(clara, docId)).toEqual(readable(amina, docId));
  });
});

async function syncingColleagues() {
  const bundles = await tempDir();
  const amina = await colleague('Amina Berisha', 'amina');
  const besnik = await colleague('Besnik Gashi', 'besnik');
  const clara = await colleague('Clara Hoxha', 'clara');
  const start = await call(amina, 'team.exportBundle', { out: join(bundles, 'start.fwx') });
  for (const core of [besnik, clara]) await call(core, 'team.mergeBundle', { file: start.file, join: true });
  await couchServer().createDatabase(amina.workspace.identity.projectId);
  const docId = await importInterview(amina);
  const sync = (core: Core) => call(core, 'team.sync', { server: couchServer().url });
  await sync(amina);
  expect(await sync(besnik)).toMatchObject({ documents: 1, refusedDocuments: [] });
  return { amina, besnik, clara, docId, sync };
}

describe('a rewritten document travels by sync', () => {
  it('anonymised after it was synced: the next sync replaces the colleague’s files, a later colleague takes it in, and syncing again changes nothing', async () => {
    const { amina, besnik, clara, docId, sync } = await syncingColleagues();
    await call(amina, 'interviews.anonymise', { docId, replacements: pseudonyms });
    await sync(amina);
    const received = await sync(besnik);
    expect(received.refusedDocuments).toEqual([]);
    expect(received.conflicts).toBe(0);
    expect(readable(besnik, docId)).toEqual(readable(amina, docId));
    expect(readable(besnik, docId)).not.toMatch(arben);
    expect(await folder(besnik, docId)).toEqual(await folder(amina, docId));
    expect(await searchHits(besnik, 'arben', docId)).toBe(0);

    const later = await sync(clara);
    expect(later).toMatchObject({ documents: 1, refusedDocuments: [] });
    expect(readable(clara, docId)).toEqual(readable(amina, docId));

    // (Clara's name reaches Besnik on his next sync; after that, nothing is new.)
    await sync(besnik);
    const before = besnik.workspace.changes(0).lastSeq;
    expect(await sync(besnik)).toMatchObject({ added: 0, updated: 0, conflicts: 0, refusedDocuments: [], replacedDocuments: [] });
    // (The sync settings note when it last synced: kept here, never sent.)
    expect(besnik.workspace.changes(before).results.filter((change) => change.collection !== 'sync-settings')).toEqual([]);
  });

  it('both sides rewrote the document before syncing: the same version on both sides, the other kept aside and listed', async () => {
    const { amina, besnik, docId, sync } = await syncingColleagues();
    const passage = passagesOf(besnik, docId).find((candidate) => candidate.text.startsWith('Not always'))!;
    await call(besnik, 'transcript.correctPassage', { docId, passageId: passage.id, text: passage.text.replace('Not always.', 'Never.') });
    await call(amina, 'interviews.anonymise', { docId, replacements: pseudonyms });
    await sync(amina);
    const atBesnik = await sync(besnik);
    const atAmina = await sync(amina);
    expect(atBesnik.refusedDocuments).toEqual([]);
    expect(atAmina.refusedDocuments).toEqual([]);
    expect(readable(besnik, docId)).toEqual(readable(amina, docId));
    expect(await folder(besnik, docId)).toEqual(await folder(amina, docId));
    const kept = [...atBesnik.replacedDocuments, ...atAmina.replacedDocuments];
    expect(kept).toEqual([{ docId, keptAside: expect.stringContaining('.superseded-') }]);
    for (const core of [amina, besnik]) expect((await call(core, 'team.conflicts', {})).map((conflict) => conflict.id)).toContain(docId);
  });

  it('a correction and its undo travel by sync', async () => {
    const { amina, besnik, docId, sync } = await syncingColleagues();
    const passage = passagesOf(amina, docId).find((candidate) => candidate.text.startsWith('Not always'))!;
    const corrected = passage.text.replace('Not always.', 'Not always, to be honest.');
    await call(amina, 'transcript.correctPassage', { docId, passageId: passage.id, text: corrected });
    await sync(amina);
    expect((await sync(besnik)).refusedDocuments).toEqual([]);
    expect(besnik.corpus.passage(passage.id).text).toBe(corrected);

    await call(amina, 'undo.undo', {});
    await sync(amina);
    await sync(besnik);
    expect(besnik.corpus.passage(passage.id).text).toBe(passage.text);
    expect(await folder(besnik, docId)).toEqual(await folder(amina, docId));
  });
});
