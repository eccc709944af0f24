import type { Passage } from '../../../../electron/core/corpus/schema';
import { passageForPage, viewsAgree } from './page-passage-map';
import type { StartingPlace } from './reading-position';

/**
 * How the PDF and the text view follow each other, as a pure reducer. The two panes never
 * talk to each other: each reports where it is (an action), and the reducer decides what
 * the other should show (a request with a fresh nonce). A pane that already shows the
 * same page is left alone, which is what keeps the two from chasing each other; a pane's
 * own scrolling that merely followed a request ("quiet") is not reported back as the
 * reader's move.
 */
export type SyncPassage = Pick<Passage, 'id' | 'page' | 'order' | 'text'>;

export interface PdfView {
  current: number;
  visible: number[];
}

export interface TextView {
  /** The first passage at the top of the pane. */
  top?: SyncPassage;
  /** Pages of all passages on screen. */
  pages: number[];
}

export interface ViewSyncState {
  /** Counts requests: each gets its own nonce, so the same request made twice is carried out twice. */
  sequence: number;
  /** The passage marked in both views; `highlight` is false when we only scrolled to it (a restored position). */
  active?: { passageId: string; highlight: boolean; nonce: number };
  /** Bring this passage into view in the text. */
  textRequest?: { passageId: string; nonce: number };
  /** Where the PDF should go; `quiet` when it only follows the text (so it does not lead the text back). */
  pdfTarget?: { page: number; pointFromTop?: number; nonce: number; quiet?: boolean };
  pdfView: PdfView;
  textView: TextView;
  /** Where the reader is, to remember for next time. */
  place?: { passageId?: string; page?: number };
}

export type ViewSyncAction =
  | { type: 'go-to-passage'; passage: SyncPassage; highlight: boolean; scrollText?: boolean }
  | { type: 'open-at'; place: StartingPlace; passages: readonly SyncPassage[] }
  | { type: 'pdf-scrolled'; view: PdfView; byUser: boolean; passages: readonly SyncPassage[]; textShown: boolean }
  | { type: 'text-scrolled'; view: TextView; byUser: boolean; pdfShown: boolean }
  | { type: 'outline'; page: number; pointFromTop?: number; passage?: SyncPassage }
  | { type: 'go-to-page'; page: number };

const samePages = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((page, index) => page === b[index]);
const samePlace = (a: ViewSyncState['place'], b: ViewSyncState['place']) => a?.passageId === b?.passageId && a?.page === b?.page;

export const initialViewSync: ViewSyncState = { sequence: 0, pdfView: { current: 1, visible: [1] }, textView: { pages: [] } };

export function viewSyncReducer(state: ViewSyncState, action: ViewSyncAction): ViewSyncState {
  switch (action.type) {
    case 'go-to-passage': {
      const nonce = state.sequence + 1;
      const { passage, highlight } = action;
      return {
        ...state,
        sequence: nonce,
        active: { passageId: passage.id, highlight, nonce },
        ...(action.scrollText !== false ? { textRequest: { passageId: passage.id, nonce } } : {}),
        // A highlighted passage is brought into the PDF by its mark; a plain scroll goes to its page.
        ...(!highlight ? { pdfTarget: { page: passage.page, nonce, quiet: true } } : {}),
        place: { passageId: passage.id, page: passage.page },
      };
    }
    case 'open-at': {
      const { place, passages } = action;
      if (place.kind === 'passage') {
        const passage = passages.find((item) => item.id === place.passageId);
        return passage ? viewSyncReducer(state, { type: 'go-to-passage', passage, highlight: place.highlight }) : state;
      }
      if (place.kind === 'page') {
        const nonce = state.sequence + 1;
        const passage = passageForPage(passages, place.page);
        return { ...state, sequence: nonce, pdfTarget: { page: place.page, nonce, quiet: true }, ...(passage ? { textRequest: { passageId: passage.id, nonce } } : {}) };
      }
      return state;
    }
    case 'pdf-scrolled': {
      const { view, byUser, passages, textShown } = action;
      const unchanged = state.pdfView.current === view.current && samePages(state.pdfView.visible, view.visible);
      // Scroll reports come every frame: a report of the same pages changes nothing (and re-renders nothing).
      if (unchanged && (!byUser || state.place?.page === view.current)) return state;
      const next = { ...state, pdfView: unchanged ? state.pdfView : view };
      if (!byUser) return next;
      const passage = passageForPage(passages, view.current);
      if (state.place?.page !== view.current) next.place = { ...(passage ? { passageId: passage.id } : {}), page: view.current };
      if (!textShown || !passage || viewsAgree(view.visible, state.textView.pages)) return next;
      next.sequence = state.sequence + 1;
      next.textRequest = { passageId: passage.id, nonce: next.sequence };
      return next;
    }
    case 'text-scrolled': {
      const { view, byUser, pdfShown } = action;
      const unchanged = state.textView.top?.id === view.top?.id && samePages(state.textView.pages, view.pages);
      const place = byUser && view.top ? { passageId: view.top.id, page: view.top.page } : state.place;
      if (unchanged && samePlace(place, state.place)) return state;
      const next = { ...state, textView: unchanged ? state.textView : view };
      // Scrolling by the reader moves the remembered place; our own scrolling follows a place already set.
      if (!byUser || !view.top) return next;
      next.place = place;
      if (!pdfShown || viewsAgree(state.pdfView.visible, view.pages)) return next;
      next.sequence = state.sequence + 1;
      next.pdfTarget = { page: view.top.page, nonce: next.sequence, quiet: true };
      return next;
    }
    case 'outline': {
      const nonce = state.sequence + 1;
      return {
        ...state,
        sequence: nonce,
        pdfTarget: { page: action.page, ...(action.pointFromTop !== undefined ? { pointFromTop: action.pointFromTop } : {}), nonce, quiet: true },
        ...(action.passage ? { textRequest: { passageId: action.passage.id, nonce } } : {}),
      };
    }
    case 'go-to-page': {
      const nonce = state.sequence + 1;
      return { ...state, sequence: nonce, pdfTarget: { page: action.page, nonce } };
    }
  }
}
