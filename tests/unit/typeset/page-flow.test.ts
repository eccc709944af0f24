import { describe, expect, it } from 'vitest';
import { PageFlow, type NoteBlock } from '../../../electron/core/corpus/typeset/page-flow';
import { PAGE } from '../../../electron/core/corpus/typeset/page-style';

/** A flow over fake pages that records what would be drawn where. */
function recordingFlow() {
  const drawn: { page: number; notes: number[]; top: number }[] = [];
  let pages = 1; // the title page
  const flow = new PageFlow<NoteBlock>(
    {
      addPage: () => void pages++,
      drawNotes: (notes, top) => drawn.push({ page: pages, notes: notes.map((n) => n.number), top }),
    },
    1,
  );
  return { flow, drawn, pageCount: () => pages };
}

const bodyHeight = PAGE.bodyBottom - PAGE.bodyTop;

describe('PageFlow', () => {
  it('moves a line to the next page when the footnote it cites would not fit beside it', () => {
    const { flow, drawn } = recordingFlow();
    flow.begin();
    const lines = Math.floor(bodyHeight / 20) - 1; // leaves one line of room, not enough for a note too
    for (let i = 0; i < lines; i++) expect(flow.place(20).page).toBe(2);
    const citing = flow.place(20, [{ number: 1, height: 40 }]);
    flow.finish();
    expect(citing.page).toBe(3);
    expect(flow.footnotePages.get(1)).toBe(3);
    expect(drawn).toEqual([{ page: 3, notes: [1], top: expect.any(Number) }]);
    // The note area ends above the page number.
    expect(drawn[0]!.top + 40).toBeLessThanOrEqual(PAGE.bodyBottom);
  });

  it('keeps the body above the notes already on the page', () => {
    const { flow } = recordingFlow();
    flow.begin();
    flow.place(20, [{ number: 1, height: 300 }]);
    let y = 0;
    for (let i = 0; i < 50 && flow.page === 2; i++) {
      const { top, page } = flow.place(20);
      if (page === 2) y = top + 20;
    }
    expect(y).toBeLessThanOrEqual(PAGE.bodyBottom - 300);
    expect(y).toBeGreaterThan(PAGE.bodyBottom - 300 - 40);
  });

  it('carries a note too tall for the page over to the next one, drawing every note once, in order', () => {
    const { flow, drawn, pageCount } = recordingFlow();
    flow.begin();
    flow.place(20, [{ number: 1, height: 200 }]);
    flow.place(20, [{ number: 2, height: bodyHeight + 50 }]);
    flow.place(20, [{ number: 3, height: 30 }]);
    flow.place(20, [{ number: 1, height: 200 }]); // cited again: not printed twice
    flow.finish();
    expect(drawn.flatMap((d) => d.notes)).toEqual([1, 2, 3]);
    expect(flow.footnotePages.get(1)).toBe(2);
    expect(flow.footnotePages.get(2)).toBe(3);
    expect(pageCount()).toBeGreaterThanOrEqual(3);
  });

  it('swallows the space between blocks at the top of a page', () => {
    const { flow } = recordingFlow();
    flow.begin();
    flow.space(30);
    expect(flow.place(20).top).toBe(PAGE.bodyTop);
    flow.space(30);
    expect(flow.place(20).top).toBe(PAGE.bodyTop + 20 + 30);
  });
});
