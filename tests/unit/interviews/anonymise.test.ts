import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { repoRoot, useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { annotationTombstonesCollection } from '../../../electron/core/annotations';
import { call } from '../team/support';
import { arben, importInterview, interviewText, passagesOf } from './support';

const openCore = useCores();
const tempDir = useTempDirs();

async function everythingAbout(core: Core, docId: string, dir: string) {
  const csv = (await call(core, 'annotations.export', { format: 'csv' })).text;
  const markdown = (await call(core, 'annotations.export', { format: 'md' })).text;
  const w3c = (await call(core, 'annotations.export', { format: 'w3c' })).text;
  const project = await call(core, 'exchange.exportProject', {});
  const qdpx = await JSZip.loadAsync(Buffer.from(project.data!, 'base64'));
  const qdpxText = (await Promise.all(Object.values(qdpx.files).filter((file) => !file.dir).map((file) => file.async('string')))).join('\n');
  const bundlePath = join(dir, `bundle-${Date.now()}.zip`);
  await call(core, 'team.exportBundle', { out: bundlePath });
  const bundle = await JSZip.loadAsync(await readFile(bundlePath));
  const bundleText = (await Promise.all(Object.values(bundle.files).filter((file) => !file.dir).map((file) => file.async('string')))).join('\n');
  const search = await call(core, 'search.query', { query: 'Arben', limit: 100 });
  const passages = passagesOf(core, docId);
  const annotations = await call(core, 'annotations.list', { docId });
  const note = await call(core, 'annotations.documentNote', { docId });
  const folder = join(core.workspace.dir, 'documents', docId);
  const names = (await readdir(folder)).sort();
  const files = (await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')))).join('\n');
  const record = JSON.parse(await readFile(join(folder, 'document.json'), 'utf8'));
  const original = await readFile(join(folder, 'original.txt'), 'utf8');
  return { csv, markdown, w3c, qdpxText, bundleText, search, passages, annotations, note, files, names, record, original };
}

async function codedInterview() {
  const dir = await tempDir();
  const core = await openCore(join(dir, 'workspace'));
  // The file is named after the respondent, as interviewers often do: its name is shown and exchanged too.
  const docId = await importInterview(core, interviewText, 'interview-arben.txt');
  const passages = passagesOf(core, docId);
  const family = passages.find((passage) => passage.text.includes("Arben's family"))!;
  // One quote holds the possessive; another starts in the middle of the name ("ben's family").
  const whole = await call(core, 'annotations.create', { passageId: family.id, quote: "Arben's family came from Vushtrri", topicPaths: ['Origins'], note: 'Arben moved as a child.' });
  const start = family.text.indexOf("ben's family");
  const cut = await call(core, 'annotations.create', { passageId: family.id, quote: "ben's family came", offsetInPassage: start });
  const drita = passages.find((passage) => passage.text.startsWith('Drita trusts'))!;
  const later = await call(core, 'annotations.create', { passageId: drita.id, quote: 'Arben Krasniqi and I argue', topicPaths: ['Trust in police'] });
  await call(core, 'annotations.setDocumentNote', { docId, text: 'Interview with Arben Krasniqi, May 2025.' });
  // A quote a draft cites, then deleted: its tombstone keeps the quote, and travels in bundles.
  const cited = await call(core, 'annotations.create', { passageId: drita.id, quote: 'more than Arben does' });
  const draft = await call(core, 'drafts.create', { title: 'Chapter 2' });
  await call(core, 'drafts.appendCitation', { id: draft.id, citation: { targetKind: 'annotation', targetId: cited.id, docId } });
  await call(core, 'annotations.delete', { id: cited.id, citedIn: 'keep-tombstone' });
  return { dir, core, docId, ids: { whole: whole.id, cut: cut.id, later: later.id, cited: cited.id } };
}

describe('workbench anonymise over the API', () => {
  it('replaces the name in passages, speakers, search, annotations, notes, every export and the bundle, keeps the key outside, and undo brings all back', async () => {
    const { dir, core, docId, ids } = await codedInterview();
    const before = await everythingAbout(core, docId, dir);
    // The fixture really holds the name everywhere we look afterwards.
    for (const text of [before.csv, before.markdown, before.w3c, before.qdpxText, before.bundleText, before.files, before.note!.text]) expect(text).toMatch(arben);
    expect(before.search.results.some((result) => arben.test(result.text))).toBe(true);

    const preview = await call(core, 'interviews.anonymisePreview', { docId, replacements: [{ real: 'Arben Krasniqi', pseudonym: 'Respondent 4' }, { real: 'Arben', pseudonym: 'Besnik' }] });
    expect(preview.suggestions.map((suggestion) => suggestion.name)).toEqual(expect.arrayContaining(['Arben Krasniqi', 'Arben', 'Drita Hoxha', 'Drita']));
    expect(preview.suggestions.map((suggestion) => suggestion.name)).not.toContain('Interviewer');
    // Speaker labels count: two turns of Arben Krasniqi, one mention in the capitals line, one in Drita's answer.
    expect(preview.replacements).toEqual([
      { real: 'Arben Krasniqi', pseudonym: 'Respondent 4', count: 4 },
      { real: 'Arben', pseudonym: 'Besnik', count: 4 },
    ]);

    const keyPath = join(dir, 'key.json');
    const result = await call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben Krasniqi', pseudonym: 'Respondent 4' }, { real: 'Arben', pseudonym: 'Besnik' }], keyPath });
    expect(result).toMatchObject({ keyPath, annotationsChanged: 3, noteChanged: true, speakerTurnsChanged: 2 });
    expect(result.key).toBeUndefined();

    const after = await everythingAbout(core, docId, dir);
    for (const [what, text] of Object.entries({ csv: after.csv, markdown: after.markdown, w3c: after.w3c, qdpx: after.qdpxText, bundle: after.bundleText, files: after.files, note: after.note!.text })) {
      expect(text, what).not.toMatch(arben);
    }
    expect(after.search.results.filter((result) => arben.test(result.text))).toEqual([]);
    expect(after.passages.map((passage) => passage.text).join('\n')).not.toMatch(arben);
    expect(after.passages.map((passage) => passage.speaker)).toContain('Respondent 4');
    const texts = after.passages.map((passage) => passage.text);
    expect(texts).toContain("Twenty years. Besnik's family came from Vushtrri, and the school register still says RESPONDENT 4 in capitals.");
    expect(texts).toContain('Not always. My cousin Arbenesha works for them, and she says besnik is a troublemaker.');
    expect(after.csv).toContain('Respondent 4');

    // Each annotation still points at the same words, on the new text.
    const byId = new Map(after.annotations.map((annotation) => [annotation.id, annotation]));
    expect(byId.get(ids.whole)!.target.selectors.quote.exact).toBe("Besnik's family came from Vushtrri");
    expect(byId.get(ids.whole)!.note).toBe('Besnik moved as a child.');
    expect(byId.get(ids.cut)!.target.selectors.quote.exact).toBe("Besnik's family came");
    expect(byId.get(ids.later)!.target.selectors.quote.exact).toBe('Respondent 4 and I argue');
    for (const annotation of after.annotations) {
      expect(annotation.anchorStatus).toBe('anchored');
      const { start, end } = annotation.target.selectors.position;
      const text = passagesOf(core, docId).map((passage) => passage.text).join('\n\n');
      expect(text.slice(start, end)).toBe(annotation.target.selectors.quote.exact);
    }

    const tombstones = core.workspace.records(annotationTombstonesCollection);
    expect(tombstones.get(ids.cited)!.annotation.target.selectors.quote.exact).toBe('more than Besnik does');

    // The key: outside the workspace, real → pseudonym with counts; nowhere inside it.
    const key = JSON.parse(await readFile(keyPath, 'utf8'));
    expect(key.entries[0].replacements).toEqual([
      { real: 'Arben Krasniqi', pseudonym: 'Respondent 4', count: 4 },
      { real: 'Arben', pseudonym: 'Besnik', count: 4 },
    ]);
    expect(after.bundleText).not.toContain('field-workbench-anonymisation-key');

    // One undo brings every piece back.
    const undone = await call(core, 'undo.undo', {});
    expect(undone.done).toBe(true);
    const back = await everythingAbout(core, docId, dir);
    expect(back.passages).toEqual(before.passages);
    expect(back.annotations.map((annotation) => [annotation.id, annotation.target, annotation.note])).toEqual(before.annotations.map((annotation) => [annotation.id, annotation.target, annotation.note]));
    expect(back.note!.text).toBe(before.note!.text);
    expect(tombstones.get(ids.cited)!.annotation.target.selectors.quote.exact).toBe('more than Arben does');
    expect(back.names).toEqual(before.names);
    expect(back.record).toEqual(before.record);
    expect(back.original).toBe(before.original);
    expect(back.search.results.some((result) => arben.test(result.text))).toBe(true);

    // Redo does it again, the same way.
    await call(core, 'undo.redo', {});
    expect(passagesOf(core, docId)).toEqual(after.passages);
  });

  it('a name that is not in the document, a key inside the workspace, or a name given twice changes nothing', async () => {
    const { dir, core, docId } = await codedInterview();
    const folder = join(core.workspace.dir, 'documents', docId);
    const saved = await readFile(join(folder, 'document.json'), 'utf8');
    const annotations = await call(core, 'annotations.list', { docId });

    await expect(call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben', pseudonym: 'Besnik' }, { real: 'Valon', pseudonym: 'R9' }] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('“Valon” does not occur'),
    });
    await expect(call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben', pseudonym: 'Besnik' }], keyPath: join(core.workspace.dir, 'key.json') })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('must not be kept inside the workspace'),
    });
    await expect(call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben', pseudonym: 'Besnik' }, { real: 'arben', pseudonym: 'X' }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben', pseudonym: ' ' }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const notAKey = join(dir, 'notes.json');
    await writeFile(notAKey, '{"mine": true}');
    await expect(call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben', pseudonym: 'Besnik' }], keyPath: notAKey })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(notAKey, 'utf8')).toBe('{"mine": true}');

    expect(await readFile(join(folder, 'document.json'), 'utf8')).toBe(saved);
    expect(await call(core, 'annotations.list', { docId })).toEqual(annotations);
    expect((await call(core, 'undo.state', {})).undoLabel).not.toBe('Anonymise document');
    expect(existsSync(join(core.workspace.dir, 'key.json'))).toBe(false);
  });

  it('without a key path the key comes back to be saved, and a second document joins an existing key file', async () => {
    const dir = await tempDir();
    const core = await openCore(join(dir, 'workspace'));
    const first = await importInterview(core);
    const second = await importInterview(core, 'Interviewer: Hello Valon.\n\nValon: Hello.\n\nInterviewer: Bye Valon.\n\nValon: Bye.', 'second.txt');
    const answer = await call(core, 'interviews.anonymise', { docId: first, replacements: [{ real: 'Drita', pseudonym: 'R2' }] });
    expect(JSON.parse(answer.key!.text).entries[0].replacements).toEqual([{ real: 'Drita', pseudonym: 'R2', count: 4 }]);
    const keyPath = join(dir, 'key.json');
    await writeFile(keyPath, answer.key!.text);
    await call(core, 'interviews.anonymise', { docId: second, replacements: [{ real: 'Valon', pseudonym: 'R3' }], keyPath });
    const key = JSON.parse(await readFile(keyPath, 'utf8'));
    expect(key.entries.map((entry: { docId: string }) => entry.docId)).toEqual([first, second]);
    expect(passagesOf(core, second).map((passage) => passage.speaker)).toEqual(['Interviewer', 'R3', 'Interviewer', 'R3']);
  });

  it('suggests the people of the entity catalogue found in the text, with how often each occurs', async () => {
    const core = await openCore(join(await tempDir(), 'workspace'));
    const docId = await importInterview(core, 'Interviewer: Did Kurti visit?\n\nR1: Albin Kurti came twice; Kurti spoke, and Vucic answered from Belgrade.\n\nInterviewer: Anything else?\n\nR1: No.', 'visit.txt');
    const preview = await call(core, 'interviews.anonymisePreview', { docId });
    expect(preview.suggestions).toEqual(
      expect.arrayContaining([
        { name: 'Kurti', source: 'entity', count: 3 },
        { name: 'Albin Kurti', source: 'entity', count: 1 },
        { name: 'Vucic', source: 'entity', count: 1 },
      ]),
    );
    // Role labels are not names.
    expect(preview.suggestions.map((suggestion) => suggestion.name)).not.toContain('R1');
    expect(preview.suggestions.every((suggestion) => suggestion.count > 0)).toBe(true);
  });

  it('a Word transcript: its original (which keeps the names) is replaced by the anonymised text, and undo brings the Word file back', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'interview.md'), interviewText);
    // pandoc writes a real .docx from the same interview (one paragraph per turn), with the respondent as the file's author, as Word would keep a name.
    execFileSync('pandoc', [join(dir, 'interview.md'), '--metadata', 'author=Arben Krasniqi', '-o', join(dir, 'interview.docx')]);
    const core = await openCore(join(dir, 'workspace'));
    const imported = await call(core, 'import.bytes', { fileName: 'interview.docx', base64: (await readFile(join(dir, 'interview.docx'))).toString('base64') });
    const docId = imported.documentId;
    const folder = join(core.workspace.dir, 'documents', docId);
    expect((await readdir(folder)).sort()).toEqual(['document.json', 'original.docx']);
    const word = await readFile(join(folder, 'original.docx'));
    expect(core.corpus.document(docId).authors).toEqual(['Arben Krasniqi']);

    await call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben Krasniqi', pseudonym: 'Respondent 4' }, { real: 'Arben', pseudonym: 'Besnik' }] });
    expect((await readdir(folder)).sort()).toEqual(['document.json', 'original.txt']);
    const text = await readFile(join(folder, 'original.txt'), 'utf8');
    expect(text).not.toMatch(arben);
    // pandoc typesets the apostrophe (’): the possessive is replaced all the same.
    expect(text).toContain('Respondent 4: Twenty years. Besnik’s family came from Vushtrri');
    expect(JSON.parse(await readFile(join(folder, 'document.json'), 'utf8')).originalFile).toBe('original.txt');
    expect(core.corpus.document(docId).authors).toEqual(['Respondent 4']);

    await call(core, 'undo.undo', {});
    expect((await readdir(folder)).sort()).toEqual(['document.json', 'original.docx']);
    expect(await readFile(join(folder, 'original.docx'))).toEqual(word);
    expect(core.corpus.document(docId).authors).toEqual(['Arben Krasniqi']);
    expect(passagesOf(core, docId).some((passage) => passage.text.includes('Arben’s family'))).toBe(true);
  });

  it('replaces the name in the metadata a user typed (an author, a note on the edit), and undo brings it back', async () => {
    const dir = await tempDir();
    const core = await openCore(join(dir, 'workspace'));
    const docId = await importInterview(core);
    await call(core, 'metadata.set', { docId, fields: { authors: ['Arben Krasniqi', 'Drita Hoxha'], place: 'Arben’s house, Mitrovica' }, note: 'Arben asked to be named' });
    const metadataOf = async () => (await call(core, 'metadata.edits', { docId })).map((edit: { field: string; value: unknown; note?: string }) => ({ field: edit.field, value: edit.value, note: edit.note }));
    const typed = await metadataOf();

    await call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben Krasniqi', pseudonym: 'Respondent 4' }, { real: 'Arben', pseudonym: 'Besnik' }] });
    const document = core.corpus.document(docId);
    expect(document.authors).toEqual(['Respondent 4', 'Drita Hoxha']);
    expect(document.place).toBe('Besnik’s house, Mitrovica');
    const edits = await metadataOf();
    expect(JSON.stringify(edits)).not.toMatch(arben);
    expect(edits.find((edit: { field: string }) => edit.field === 'authors')).toMatchObject({ value: ['Respondent 4', 'Drita Hoxha'], note: 'Besnik asked to be named' });
    expect((await call(core, 'annotations.export', { format: 'csv' })).text).not.toMatch(arben);

    await call(core, 'undo.undo', {});
    expect(await metadataOf()).toEqual(typed);
    expect(core.corpus.document(docId).authors).toEqual(['Arben Krasniqi', 'Drita Hoxha']);
  });

  it('a PDF is refused, saying why (its pages show the names as pictures) and what to do, and nothing changes', async () => {
    const core = await openCore(join(await tempDir(), 'workspace'));
    const pdf = await readFile(join(repoRoot, '../shared/fixtures/pdfs/alphatrans.pdf'));
    const { documentId: docId } = await call(core, 'import.bytes', { fileName: 'alphatrans.pdf', base64: pdf.toString('base64'), ocr: false });
    const folder = join(core.workspace.dir, 'documents', docId);
    const before = await readdir(folder);
    expect((await call(core, 'interviews.anonymisePreview', { docId })).blocked).toMatch(/pictures.*Save its text as a \.txt or \.docx file/);
    await expect(call(core, 'interviews.anonymise', { docId, replacements: [{ real: 'Arben', pseudonym: 'Besnik' }] })).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('cannot be replaced') });
    expect(await readdir(folder)).toEqual(before);
    expect(await readFile(join(folder, 'original.pdf'))).toEqual(pdf);
  });
});
