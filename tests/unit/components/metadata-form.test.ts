import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import { metadataFields } from '../../../electron/core/corpus/schema';
import { buildPatch, changedFields, fieldErrorsFrom, fieldForms, parseField, textOf } from '../../../renderer/src/metadata/metadata-form';
import { useCores } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const openCore = useCores();
const PRIORITIES = 'kcss-foreign-security-priorities-2026';

describe('the document details form', () => {
  it("has a form for exactly core's metadata fields, and a real document lists them all", async () => {
    expect(Object.keys(fieldForms).sort()).toEqual([...metadataFields].sort());
    const core = await openCore(await tempDir());
    const result = await core.dispatch('corpus.document', { docId: PRIORITIES });
    const document = (result.ok ? result.value : undefined) as DocumentSummary;
    expect(document.metadataFields.map((view) => view.field)).toEqual([...metadataFields]);
  });

  it('reads typed text as the values core takes', () => {
    expect(parseField('authors', ' Ana \n\n Besim ')).toEqual({ ok: true, value: ['Ana', 'Besim'] });
    expect(parseField('year', '2024')).toEqual({ ok: true, value: 2024 });
    expect(parseField('year', ' ')).toEqual({ ok: true, value: null });
    expect(parseField('year', '20x5')).toMatchObject({ ok: false, error: expect.stringContaining('four digits') });
    expect(parseField('place', '  ')).toEqual({ ok: true, value: null });
    // The title is never cleared here: core refuses an empty one and says so.
    expect(parseField('title', ' ')).toEqual({ ok: true, value: '' });
    expect(textOf('publishers', ['A', 'B'])).toBe('A\nB');
    expect(textOf('isbn', null)).toBe('');
  });

  it('sends only the fields typed differently, and nothing when a year cannot be read', () => {
    const fields = [
      { field: 'title', value: 'Old', source: 'printed', explanation: '' },
      { field: 'authors', value: ['Ana'], source: 'printed', explanation: '' },
      { field: 'year', value: null, source: null, explanation: '' },
      { field: 'place', value: null, source: null, explanation: '' },
    ] as DocumentSummary['metadataFields'];
    expect(buildPatch(fields, { title: 'Old', authors: 'Ana\n', place: '' })).toEqual({ patch: {}, errors: {} });
    expect(buildPatch(fields, { title: 'New', year: '2024', authors: 'Ana\nBesim' })).toEqual({ patch: { title: 'New', year: 2024, authors: ['Ana', 'Besim'] }, errors: {} });
    expect(buildPatch(fields, { title: 'New', year: '20x5' }).errors).toEqual({ year: expect.stringContaining('four digits') });
    expect(changedFields(fields, { title: 'Old', place: 'Prishtinë' })).toEqual(['place']);
  });

  it("puts core's own complaints next to their fields", async () => {
    const core = await openCore(await tempDir());
    const result = await core.dispatch('metadata.set', { docId: PRIORITIES, fields: { isbn: '978-0-00-000000-1', url: 'ftp://example.org', authors: ['Ana', ' '], title: '' } });
    expect(result.ok).toBe(false);
    const details = result.ok ? undefined : (result.error.details as { issues: string[] });
    const { fields, other } = fieldErrorsFrom(details?.issues);
    expect(other).toEqual([]);
    expect(fields.isbn).toMatch(/^Not a valid ISBN/);
    expect(fields.url).toBe('Only http and https addresses.');
    expect(fields.authors).toBe('A name cannot be empty (line 2).');
    expect(fields.title).toBe('The title cannot be empty.');
  });
});
