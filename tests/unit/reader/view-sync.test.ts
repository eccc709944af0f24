import { describe, expect, it } from 'vitest';
import { initialViewSync, viewSyncReducer, type ViewSyncAction, type ViewSyncState } from '../../../renderer/src/views/reader/view-sync';
import type { Passage } from '../../../electron/core/corpus/schema';
import { bundledCorpus } from './real-papers';

const docId = 'kcss-foreign-security-priorities-2026';

async function paper(): Promise<Passage[]> {
  const { passages } = await bundledCorpus();
  return passages.filter((passage) => passage.docId === docId && !passage.backMatter);
}

const run = (actions: ViewSyncAction[], from: ViewSyncState = initialViewSync) => actions.reduce(viewSyncReducer, from);

describe('view sync between the PDF and the text', () => {
  it('marks a passage in both views; a mere scroll to it (a restored place) moves the PDF quietly instead', async () => {
    const passages = await paper();
    const passage = passages.find((item) => item.page === 12)!;
    const marked = run([{ type: 'go-to-passage', passage, highlight: true }]);
    expect(marked.active).toEqual({ passageId: passage.id, highlight: true, nonce: 1 });
    expect(marked.textRequest).toEqual({ passageId: passage.id, nonce: 1 });
    expect(marked.pdfTarget).toBeUndefined();
    expect(marked.place).toEqual({ passageId: passage.id, page: 12 });

    const restored = run([{ type: 'go-to-passage', passage, highlight: false }]);
    expect(restored.pdfTarget).toEqual({ page: 12, nonce: 1, quiet: true });

    // A click in the text marks the passage without scrolling the text under the pointer.
    expect(run([{ type: 'go-to-passage', passage, highlight: true, scrollText: false }]).textRequest).toBeUndefined();
  });

  it('gives every request its own nonce, so asking for the same passage twice scrolls twice', async () => {
    const [passage] = await paper();
    const twice = run([
      { type: 'go-to-passage', passage: passage!, highlight: true },
      { type: 'go-to-passage', passage: passage!, highlight: true },
    ]);
    expect(twice.textRequest!.nonce).toBe(2);
  });

  it('makes the text follow the reader scrolling the PDF, only when the text does not already show that page', async () => {
    const passages = await paper();
    const scrolled = run([{ type: 'pdf-scrolled', view: { current: 9, visible: [9, 10] }, byUser: true, passages, textShown: true }]);
    expect(scrolled.textRequest?.passageId).toBe(passages.find((item) => item.page === 9)!.id);
    expect(scrolled.place?.page).toBe(9);

    const textOnNine = run([{ type: 'text-scrolled', view: { pages: [9] }, byUser: false, pdfShown: true }]);
    expect(run([{ type: 'pdf-scrolled', view: { current: 9, visible: [9, 10] }, byUser: true, passages, textShown: true }], textOnNine).textRequest).toBeUndefined();
    // Our own scrolling (a request carried out) and a hidden text follow nothing.
    expect(run([{ type: 'pdf-scrolled', view: { current: 9, visible: [9] }, byUser: false, passages, textShown: true }]).textRequest).toBeUndefined();
    expect(run([{ type: 'pdf-scrolled', view: { current: 9, visible: [9] }, byUser: true, passages, textShown: false }]).textRequest).toBeUndefined();
  });

  it('makes the PDF follow the reader scrolling the text, quietly, so the two never chase each other', async () => {
    const passages = await paper();
    const top = passages.find((item) => item.page === 14)!;
    const scrolled = run([{ type: 'text-scrolled', view: { top, pages: [14, 15] }, byUser: true, pdfShown: true }]);
    expect(scrolled.pdfTarget).toEqual({ page: 14, nonce: 1, quiet: true });
    expect(scrolled.place).toEqual({ passageId: top.id, page: 14 });
    // The PDF, having followed, reports its new place as not the reader's: the text is not sent anywhere.
    const followed = viewSyncReducer(scrolled, { type: 'pdf-scrolled', view: { current: 14, visible: [14] }, byUser: false, passages, textShown: true });
    expect(followed.textRequest).toBeUndefined();
    expect(followed.sequence).toBe(1);
  });

  it('changes nothing, not even the state object, for a repeated scroll report', async () => {
    const passages = await paper();
    const top = passages.find((item) => item.page === 5)!;
    const once = run([{ type: 'text-scrolled', view: { top, pages: [5] }, byUser: true, pdfShown: false }]);
    expect(viewSyncReducer(once, { type: 'text-scrolled', view: { top, pages: [5] }, byUser: true, pdfShown: false })).toBe(once);
    const pdf = run([{ type: 'pdf-scrolled', view: { current: 3, visible: [3] }, byUser: false, passages, textShown: true }]);
    expect(viewSyncReducer(pdf, { type: 'pdf-scrolled', view: { current: 3, visible: [3] }, byUser: false, passages, textShown: true })).toBe(pdf);
  });

  it('opens at a remembered page: the PDF there quietly, the text at that page’s passage', async () => {
    const passages = await paper();
    const opened = run([{ type: 'open-at', place: { kind: 'page', page: 20 }, passages }]);
    expect(opened.pdfTarget).toMatchObject({ page: 20, quiet: true });
    expect(passages.find((item) => item.id === opened.textRequest?.passageId)?.page).toBeLessThanOrEqual(20);
    expect(run([{ type: 'open-at', place: { kind: 'top' }, passages }])).toBe(initialViewSync);
  });

  it('goes to a page asked for (page field, find) as the reader’s own move, and to an outline entry quietly with its heading', async () => {
    const passages = await paper();
    expect(run([{ type: 'go-to-page', page: 7 }]).pdfTarget).toEqual({ page: 7, nonce: 1 });
    const heading = passages.find((item) => item.kind === 'heading' && item.page > 3)!;
    const outlined = run([{ type: 'outline', page: heading.page, pointFromTop: 100, passage: heading }]);
    expect(outlined.pdfTarget).toEqual({ page: heading.page, pointFromTop: 100, nonce: 1, quiet: true });
    expect(outlined.textRequest).toEqual({ passageId: heading.id, nonce: 1 });
  });
});
