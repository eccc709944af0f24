import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { ReferenceView } from '../../../electron/core/references';
import { repoRoot, useCores } from '../../helpers/core';
import { rejection } from '../../helpers/workbench-error';
import { call, fixture } from './support';

/**
 * The reference library over the dispatch, on the fixture files of tests/fixtures/references
 * (shaped as Better BibTeX, JabRef, Zotero's RIS and CSL-JSON write them): what each field
 * becomes, duplicates across files merged, a second import adding nothing, bad files refused
 * with the store unchanged.
 */
const openCore = useCores();
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'workbench-references-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let count = 0;
const fresh = (): Promise<Core> => openCore(join(root, `ws-${++count}`));
const importFile = (core: Core, name: string) => call(core, 'import.file', { path: fixture(name) });
const byKey = (list: ReferenceView[], key: string): ReferenceView => {
  const found = list.find((view) => view.citationKey === key);
  if (!found) throw new Error(`no reference ${key} in ${list.map((view) => view.citationKey).join(', ')}`);
  return found;
};

describe('BibTeX as Better BibTeX and JabRef write it', () => {
  it('decodes accents, keeps corporate authors whole, expands macros, reads biblatex fields and keeps the file keys', async () => {
    const core = await fresh();
    const result = await importFile(core, 'better-bibtex.bib');
    expect(result.references).toMatchObject({ format: 'bibtex', added: 4, merged: 0, skipped: 0, keys: ['judah2008', 'kcss2019barometer', 'bieber2015kosovo', 'nato2022'] });
    const list = await call(core, 'references.list', {});

    const bieber = byKey(list, 'bieber2015kosovo').item;
    // `and others` is "et al.", not a fourth author; {\v{c}} and {\'c} are č and ć.
    expect(bieber.author).toEqual([
      { family: 'Bieber', given: 'Florian' },
      { family: 'Vučić', given: 'Aleksandar' },
      { family: 'Radojičić', given: 'Milan' },
    ]);
    expect(bieber).toMatchObject({ type: 'article-journal', 'container-title': 'Review of Central and East European Law', page: '285-319', issued: { 'date-parts': [[2015, 11, 23]] } });

    const barometer = byKey(list, 'kcss2019barometer');
    expect(barometer.item.author).toEqual([{ literal: 'Kosovar Centre for Security Studies' }]);
    // @string kcss, urldate, and \% in the note.
    expect(barometer.item).toMatchObject({ publisher: 'Kosovar Centre for Security Studies', accessed: { 'date-parts': [[2024, 3, 14]] }, note: 'Trust in the police fell by 5% in the north', title: 'Kosovo Security Barometer: Ninth Edition' });

    const nato = byKey(list, 'nato2022').item;
    expect(nato).toMatchObject({ publisher: 'North Atlantic Treaty Organization', issued: { 'date-parts': [[2022, 3]] }, 'container-title': 'Security Sector Reform in the Western Balkans' });
    expect(nato.author).toEqual([{ literal: 'North Atlantic Treaty Organization' }]);
    expect(nato.editor).toEqual([
      { family: 'Qehaja', given: 'Florian' },
      { family: 'Preşheva', given: 'Gëzim' },
    ]);
    expect(byKey(list, 'judah2008').item).toMatchObject({ issued: { 'date-parts': [[2008, 5]] }, 'publisher-place': 'Oxford', 'title-short': 'Kosovo' });
  });

  it('JabRef: @String and month macros; the same book as Better BibTeX (DOI in other case) merges into one reference', async () => {
    const core = await fresh();
    await importFile(core, 'better-bibtex.bib');
    const result = await importFile(core, 'jabref.bib');
    expect(result.references).toMatchObject({ added: 1, merged: 1, skipped: 0 });
    expect(result.references!.details).toContain('Judah2008: merged into judah2008 (same DOI)');
    const list = await call(core, 'references.list', {});
    expect(list).toHaveLength(5);
    const judah = byKey(list, 'judah2008');
    expect(judah.sources.map((source) => source.fileName)).toEqual(['better-bibtex.bib', 'jabref.bib']);
    // What was there first wins: the place stays Oxford, not JabRef's New York.
    expect(judah.item['publisher-place']).toBe('Oxford');
    expect(byKey(list, 'Malazogu2012').item).toMatchObject({ publisher: 'Project on Ethnic Relations', genre: 'Policy Paper', issued: { 'date-parts': [[2012, 12]] } });
  });
});

describe('RIS as Zotero writes it', () => {
  it('reads a BOM, CRLF, repeated AU and KW and the Y2 access date, and makes Better BibTeX-like keys', async () => {
    const core = await fresh();
    const result = await importFile(core, 'zotero.ris');
    expect(result.references).toMatchObject({ format: 'ris', added: 2, keys: ['bieber2015', 'qehaja2021'] });
    const list = await call(core, 'references.list', {});
    const bieber = byKey(list, 'bieber2015').item;
    expect(bieber.author?.map((name) => name.family)).toEqual(['Bieber', 'Vučić', 'Radojičić']);
    expect(bieber.keyword).toBe('Kosovo,Serbia,EU mediation');
    expect(bieber.type).toBe('article-journal');
    const qehaja = byKey(list, 'qehaja2021').item;
    expect(qehaja).toMatchObject({ type: 'report', accessed: { 'date-parts': [[2024, 2, 29]] }, keyword: 'hybrid threats,disinformation', note: 'Policy report; 40% of respondents were unsure.' });
  });
});

describe('CSL-JSON as Zotero exports it', () => {
  it('turns string date parts into numbers, reads raw dates, keeps literal authors, and keys items whose ids are URIs', async () => {
    const core = await fresh();
    const result = await importFile(core, 'zotero-csl.json');
    expect(result.references).toMatchObject({ format: 'csl-json', added: 4, keys: ['judah2008', 'balkans2023', 'dziedzic2016', 'malazogu2012'] });
    const list = await call(core, 'references.list', {});
    expect(byKey(list, 'judah2008').item.issued).toEqual({ 'date-parts': [[2008, 5]] });
    const balkans = byKey(list, 'balkans2023').item;
    expect(balkans.author).toEqual([{ literal: 'Balkans Policy Research Group' }]);
    expect(balkans.issued).toEqual({ 'date-parts': [[2023]], season: 1 });
    expect(balkans.accessed).toEqual({ 'date-parts': [[2024, 1, 15]] });
    expect(byKey(list, 'dziedzic2016').item.issued).toEqual({ 'date-parts': [[2016, 9]] });
  });
});

describe('a library from several files', () => {
  it('merges duplicates across files (same DOI; same title, first author and year), and a second import adds nothing', async () => {
    const core = await fresh();
    const files = ['better-bibtex.bib', 'jabref.bib', 'zotero.ris', 'zotero-csl.json'];
    const first = [];
    for (const file of files) first.push((await importFile(core, file)).references!);
    expect(first.map(({ added, merged, skipped }) => ({ added, merged, skipped }))).toEqual([
      { added: 4, merged: 0, skipped: 0 },
      { added: 1, merged: 1, skipped: 0 },
      { added: 1, merged: 1, skipped: 0 },
      { added: 2, merged: 2, skipped: 0 },
    ]);
    // The RIS article merged into the BibTeX one by DOI; the CSL-JSON report without a DOI into JabRef's by title, author and year.
    expect(first[2]!.details).toContain('entry 1: merged into bieber2015kosovo (same DOI)');
    expect(first[3]!.details).toContain('entry 4: merged into Malazogu2012 (same title, first author and year)');
    const list = await call(core, 'references.list', {});
    expect(list.map((view) => view.citationKey).sort()).toEqual(['Malazogu2012', 'balkans2023', 'bieber2015kosovo', 'dziedzic2016', 'judah2008', 'kcss2019barometer', 'nato2022', 'qehaja2021']);
    // The RIS keywords joined the BibTeX article; its authors stayed as BibTeX gave them.
    expect(byKey(list, 'bieber2015kosovo').item.keyword).toBe('Kosovo,Serbia,EU mediation');

    const seq = core.workspace.changes(0).lastSeq;
    for (const file of files) {
      const again = (await importFile(core, file)).references!;
      expect(again.added + again.merged).toBe(0);
      expect(again.skipped).toBeGreaterThan(0);
      expect(again.details.every((line) => line.includes('already in the library'))).toBe(true);
    }
    expect(core.workspace.changes(0).lastSeq).toBe(seq);
    expect(await call(core, 'references.list', {})).toEqual(list);
  });

  it('gives a clashing key of another work a letter, and the filter box finds by folded words', async () => {
    const core = await fresh();
    await importFile(core, 'better-bibtex.bib');
    const other = join(root, 'other.bib');
    await writeFile(other, '@book{judah2008,\n  title = {The Serbs: History, Myth and the Destruction of Yugoslavia},\n  author = {Judah, Tim},\n  year = {2008},\n  edition = {3}\n}\n');
    const result = await call(core, 'import.file', { path: other });
    expect(result.references).toMatchObject({ added: 1, keys: ['judah2008a'] });
    expect(result.references!.details).toEqual(['judah2008: added as judah2008a (the key judah2008 was taken)']);
    expect((await call(core, 'references.list', { query: 'vucic agreements' })).map((view) => view.citationKey)).toEqual(['bieber2015kosovo']);
  });
});

describe('bad reference files', () => {
  it('refuses a broken .bib, an empty .ris, a CSL-JSON item without a type and a .json that is neither, changing nothing', async () => {
    const core = await fresh();
    await importFile(core, 'zotero.ris');
    const seq = core.workspace.changes(0).lastSeq;
    const write = async (name: string, text: string) => {
      const path = join(root, name);
      await writeFile(path, text);
      return path;
    };
    const broken = await rejection(call(core, 'import.file', { path: await write('broken.bib', (await readFile(fixture('better-bibtex.bib'), 'utf8')).replace('pages = {285--319},', 'pages = {285--319,')) }));
    expect(broken.code).toBe('BAD_REQUEST');
    expect(broken.message).toMatch(/^“broken\.bib” is not a BibTeX file that can be read: .*Export it again/);
    const empty = await rejection(call(core, 'import.file', { path: await write('notes.ris', 'just some notes\r\n') }));
    expect(empty.message).toMatch(/holds no RIS entries\. Nothing was imported/);
    const untyped = await rejection(call(core, 'import.file', { path: await write('items.json', JSON.stringify([{ id: 'a', type: 'book', title: 'A' }, { id: 'b', type: 'book', title: 'B', issued: { 'date-parts': [['spring']] } }])) }));
    expect(untyped.message).toMatch(/item 2 is not CSL-JSON \(issued\.date-parts\.0\.0: .*Nothing was imported/);
    const neither = await rejection(call(core, 'import.file', { path: await write('settings.json', JSON.stringify({ theme: 'dark', fontSize: 14 })) }));
    expect(neither.code).toBe('UNSUPPORTED');
    expect(neither.message).toMatch(/^“settings\.json” is neither CSL-JSON .* nor W3C Web Annotations or a Hypothesis export .*Nothing was imported\.$/);
    expect(core.workspace.changes(0).lastSeq).toBe(seq);
    expect(await call(core, 'references.list', {})).toHaveLength(2);
  });

  it('still hands a Hypothesis .json to the annotation importer', async () => {
    const core = await fresh();
    const result = await call(core, 'import.file', { path: join(repoRoot, 'tests/fixtures/hypothesis/kcss-reading-group.json') });
    expect(result.project?.format).toBe('hypothesis');
    expect(result.references).toBeUndefined();
    expect(await call(core, 'references.list', {})).toEqual([]);
  });
});

describe('deleting a reference', () => {
  it('deletes it and undo brings it back as it was', async () => {
    const core = await fresh();
    await importFile(core, 'better-bibtex.bib');
    const before = await call(core, 'references.list', {});
    const judah = byKey(before, 'judah2008');
    const { deleted } = await call(core, 'references.delete', { id: judah.id });
    expect(deleted.citationKey).toBe('judah2008');
    expect((await call(core, 'references.list', {})).map((view) => view.citationKey)).not.toContain('judah2008');
    expect(await call(core, 'references.undo', {})).toEqual({ undone: true, canUndo: false });
    expect(await call(core, 'references.list', {})).toEqual(before);
  });
});

describe('keys a file gives', () => {
  it('keeps keys Pandoc can cite and replaces the others with generated ones', async () => {
    const core = await fresh();
    const path = join(root, 'odd-keys.bib');
    await writeFile(path, '@book{Qehaja:2017,\n  title = {Security Sector Reform},\n  author = {Qehaja, Florian},\n  year = {2017}\n}\n\n@book{smith.,\n  title = {Trailing Dot},\n  author = {Smith, Ann},\n  year = {2001}\n}\n');
    const result = await call(core, 'import.file', { path });
    expect(result.references!.keys).toEqual(['Qehaja:2017', 'smith2001']);
  });
});
