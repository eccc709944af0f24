/**
 * Revisions hash a record's canonical JSON, so its text must never change: the same record
 * must give the same revision on every replica and in every version of the app. The
 * faster implementation is checked against the original one, kept here as the definition.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/core/store/canonical-json';
import { nextRevision } from '../../../electron/core/store/revisions';

/** The first implementation, word for word. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : reference(item))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .flatMap((key) => {
      const field = (value as Record<string, unknown>)[key];
      return field === undefined ? [] : [`${JSON.stringify(key)}:${reference(field)}`];
    });
  return `{${entries.join(',')}}`;
}

const samples: unknown[] = [
  null,
  0,
  -1.5e-7,
  'Vučić "quoted" \\ back\nslash \u2028',
  true,
  [],
  {},
  [1, undefined, null, 'x', [undefined], { b: 1, a: undefined }],
  { z: 1, a: { y: [3, 2, 1], x: 'ë' }, m: undefined, 'é': 'accent key', '': 'empty key', '10': 'numeric key', '2': 'numeric key' },
  {
    id: 'ann-5f41',
    docId: 'kcss-foreign-security-priorities-2026',
    target: { selectors: { quote: { exact: 'Centres of Excellence', prefix: 'NATO ', suffix: ' in' }, position: { start: 10, end: 31 }, page: 3 }, passageIds: ['p-1'] },
    color: 'yellow',
    note: '',
    topicIds: ['t-2', 't-1'],
    entityIds: [],
    recommendationIds: [],
    createdAt: '2026-12-04T10:00:00.000Z',
    updatedAt: '2026-12-04T10:00:00.000Z',
    anchorStatus: 'anchored',
    createdBy: undefined,
  },
];

describe('canonical JSON', () => {
  it('gives exactly the text of the original implementation, so revisions do not change', () => {
    for (const sample of samples) expect(canonicalJson(sample)).toBe(reference(sample));
  });

  it('keeps known revisions', () => {
    // Computed with the original implementation: a change here would split every replica's history.
    const record = { id: 'ann-5f41', topicIds: ['t-2', 't-1'], note: 'Vučić "q"', target: { passageIds: ['p-1'], selectors: { quote: { exact: 'Centres', prefix: 'NATO ' } } }, nothing: undefined, list: [1, undefined, { b: 2, a: 1 }] };
    expect(nextRevision(undefined, { record })).toBe('1-8ce23fc5ac75220ddf1b59ea87f388a1');
    expect(nextRevision('1-0123456789abcdef0123456789abcdef', { record })).toBe('2-908817bc7b2886c370068da96322ef33');
  });
});
