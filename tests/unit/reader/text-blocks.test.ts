import { describe, expect, it } from 'vitest';
import { groupBlocks } from '../../../renderer/src/views/reader/passage-blocks';
import { inlineSegments } from '../../../renderer/src/views/reader/inline-segments';
import { markSegments } from '../../../renderer/src/views/reader/mark-segments';
import { startingPlace } from '../../../renderer/src/views/reader/reading-position';
import { bundledCorpus } from './real-papers';

describe('structured text blocks', () => {
  it('groups each run of table rows of the real corpus into one table, in order', async () => {
    const { passages } = await bundledCorpus();
    const own = passages.filter((passage) => passage.docId === 'kcss-foreign-security-priorities-2026' && !passage.backMatter).sort((a, b) => a.order - b.order);
    const blocks = groupBlocks(own);
    const tables = blocks.filter((block) => block.kind === 'table');
    const rows = own.filter((passage) => passage.kind === 'table-row');
    expect(rows.length).toBeGreaterThan(2);
    expect(tables.length).toBeGreaterThan(0);
    // No row lost or doubled, and the blocks keep reading order.
    expect(tables.flatMap((table) => (table.kind === 'table' ? table.rows : [])).map((row) => row.id)).toEqual(rows.map((row) => row.id));
    expect(blocks.flatMap((block) => (block.kind === 'table' ? block.rows : [block.passage])).map((passage) => passage.id)).toEqual(own.map((passage) => passage.id));
  });

  it('puts footnote markers back at their offsets and keeps links and mentions', () => {
    const text = 'The KSF met NATO officials.';
    const segments = inlineSegments(
      text,
      [{ number: 3, offset: 7 }],
      [{ text: 'NATO', url: 'https://www.nato.int/', start: 12, end: 16 }],
      [{ entityId: 'ksf', start: 4, end: 7 }],
    );
    expect(segments).toEqual([
      { kind: 'text', text: 'The ', start: 0 },
      { kind: 'text', text: 'KSF', start: 4, mention: { entityId: 'ksf', start: 4, end: 7 } },
      { kind: 'footnote', number: 3 },
      { kind: 'text', text: ' met ', start: 7 },
      { kind: 'text', text: 'NATO', start: 12, link: { text: 'NATO', url: 'https://www.nato.int/', start: 12, end: 16 } },
      { kind: 'text', text: ' officials.', start: 16 },
    ]);
    expect(segments.filter((segment) => segment.kind === 'text').map((segment) => (segment.kind === 'text' ? segment.text : '')).join('')).toBe(text);
  });

  it('keeps every real passage’s text whole when cut into segments', async () => {
    const { passages, mentions } = await bundledCorpus();
    for (const passage of passages) {
      const own = mentions.filter((mention) => mention.passageId === passage.id);
      const segments = inlineSegments(passage.text, passage.footnoteRefs, passage.links, own);
      expect(segments.map((segment) => (segment.kind === 'text' ? segment.text : '')).join('')).toBe(passage.text);
      expect(segments.filter((segment) => segment.kind === 'footnote')).toHaveLength(passage.footnoteRefs.length);
    }
  });

  it('cuts a text-layer span at overlapping highlights', () => {
    expect(
      markSegments('Kosovo Security Force', [
        { start: 0, end: 15, className: 'passage-mark' },
        { start: 7, end: 21, className: 'find-hit' },
      ]),
    ).toEqual([
      { text: 'Kosovo ', classNames: ['passage-mark'] },
      { text: 'Security', classNames: ['passage-mark', 'find-hit'] },
      { text: ' Force', classNames: ['find-hit'] },
    ]);
  });
});

describe('where a paper opens', () => {
  const ids = new Set(['p1', 'p2']);
  it('prefers a deep link, highlighted', () => {
    expect(startingPlace({ deepLinkPassageId: 'p2', saved: { passageId: 'p1' }, passageIds: ids })).toEqual({ kind: 'passage', passageId: 'p2', highlight: true });
  });
  it('else returns to the remembered passage without marking it', () => {
    expect(startingPlace({ saved: { passageId: 'p1', page: 3 }, passageIds: ids })).toEqual({ kind: 'passage', passageId: 'p1', highlight: false });
  });
  it('falls back to the remembered page when the passage is gone, and to the top', () => {
    expect(startingPlace({ deepLinkPassageId: 'gone', saved: { passageId: 'gone', page: 3 }, passageIds: ids })).toEqual({ kind: 'page', page: 3 });
    expect(startingPlace({ saved: null, passageIds: ids })).toEqual({ kind: 'top' });
  });
});
