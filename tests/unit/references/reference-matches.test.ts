import { describe, expect, it } from 'vitest';
import type { ReferenceView } from '../../../electron/core/references';
import { citationOfReference, matchReferences, shortAuthors } from '../../../renderer/src/references/reference-matches';

/** The picker's and the Library filter's matching, on references shaped as `references.list` gives them. */
function reference(citationKey: string, authors: string, year: number | undefined, title: string, type = 'book'): ReferenceView {
  return { id: `ref-${citationKey.toLowerCase()}`, citationKey, authors, ...(year === undefined ? {} : { year }), item: { id: citationKey, type, title }, sources: [], addedAt: '2026-12-05T00:00:00.000Z' };
}

const library = [
  reference('bieber2015kosovo', 'Bieber, Florian; Vučić, Aleksandar; Radojičić, Milan; Qehaja, Florian', 2015, 'The Serbia-Kosovo Agreements: An EU Success Story?', 'article-journal'),
  reference('judah2008', 'Judah, Tim', 2008, 'Kosovo: What Everyone Needs to Know'),
  reference('judah2008a', 'Judah, Tim', 2008, 'The Serbs: History, Myth and the Destruction of Yugoslavia'),
  reference('kcss2019', 'Kosovar Centre for Security Studies', 2019, 'Kosovo Security Barometer', 'report'),
];

describe('matching references', () => {
  it('finds by folded word starts across key, authors, year and title; every word must match', () => {
    expect(matchReferences(library, 'vucic').map((r) => r.citationKey)).toEqual(['bieber2015kosovo']);
    expect(matchReferences(library, 'judah serbs').map((r) => r.citationKey)).toEqual(['judah2008a']);
    expect(matchReferences(library, 'kosovo 2019').map((r) => r.citationKey)).toEqual(['kcss2019']);
    expect(matchReferences(library, 'report').map((r) => r.citationKey)).toEqual(['kcss2019']);
    expect(matchReferences(library, 'nothing here')).toEqual([]);
    expect(matchReferences(library, '  ')).toHaveLength(4);
  });

  it('puts a key typed whole or begun first, and keeps the limit', () => {
    expect(matchReferences(library, 'kosovo').map((r) => r.citationKey)).toEqual(['bieber2015kosovo', 'judah2008', 'kcss2019']);
    expect(matchReferences(library, 'judah2008a').map((r) => r.citationKey)).toEqual(['judah2008a']);
    expect(matchReferences(library, 'kcss').map((r) => r.citationKey)[0]).toBe('kcss2019');
    expect(matchReferences(library, 'kosovo', 2)).toHaveLength(2);
  });

  it('cites the whole work by the reference id, and shortens long author lists', () => {
    expect(citationOfReference(library[1]!)).toEqual({ targetKind: 'reference', targetId: 'ref-judah2008', docId: 'ref-judah2008', locator: null, prefix: null, suffix: null, suppressAuthor: false });
    expect(shortAuthors(library[0]!, 2)).toBe('Bieber, Florian; Vučić, Aleksandar et al.');
    expect(shortAuthors(reference('x', '', 2000, 'X'))).toBe('No author');
  });
});
