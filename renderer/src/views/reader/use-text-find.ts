import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { findInText, hitRanges, joinRenderedText } from './text-find';

const hitName = 'find-hit';
const currentName = 'find-current';

function clearHighlights(): void {
  CSS.highlights.delete(hitName);
  CSS.highlights.delete(currentName);
}

/**
 * Find in the text view (see text-find.ts). Hits are found again whenever the text
 * changes under them (an annotation drawn, a passage marked), keeping the current one.
 * `step` asks for the next or previous hit; the nonce repeats it.
 */
export function useTextFind(root: RefObject<HTMLElement | null>, query: string, active: boolean, step: { direction: 1 | -1 | 0; nonce: number }) {
  const [ranges, setRanges] = useState<Range[]>([]);
  const [current, setCurrent] = useState(-1);
  const [version, setVersion] = useState(0);

  // Watch the text for changes while find is open.
  useEffect(() => {
    const element = root.current;
    if (!active || !element) return;
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((value) => value + 1));
    });
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [root, active]);

  useEffect(() => {
    const element = root.current;
    if (!active || !element || !query.trim()) {
      setRanges([]);
      return;
    }
    const joined = joinRenderedText(element);
    setRanges(hitRanges(joined, findInText(joined.text, query)));
  }, [root, active, query, version]);

  // A new query starts at the first hit below the top of the pane.
  const lastQuery = useRef('');
  useEffect(() => {
    if (lastQuery.current === query) {
      setCurrent((index) => (ranges.length === 0 ? -1 : Math.min(Math.max(index, 0), ranges.length - 1)));
      return;
    }
    lastQuery.current = query;
    const top = root.current?.getBoundingClientRect().top ?? 0;
    const below = ranges.findIndex((range) => range.getBoundingClientRect().bottom >= top);
    setCurrent(ranges.length === 0 ? -1 : below === -1 ? 0 : below);
  }, [ranges, query, root]);

  useEffect(() => {
    if (step.direction === 0 || ranges.length === 0) return;
    setCurrent((index) => (index < 0 ? (step.direction === 1 ? 0 : ranges.length - 1) : (index + step.direction + ranges.length) % ranges.length));
    // Only a new step moves; new ranges alone do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step.nonce]);

  // Draw the hits, and bring the current one into view (the PDF then follows the text).
  useEffect(() => {
    if (!active || ranges.length === 0) {
      clearHighlights();
      return;
    }
    CSS.highlights.set(hitName, new Highlight(...ranges));
    const range = ranges[current];
    if (range) CSS.highlights.set(currentName, new Highlight(range));
    else CSS.highlights.delete(currentName);
  }, [active, ranges, current]);
  useEffect(() => clearHighlights, []);

  const scrolledFor = useRef('');
  useEffect(() => {
    const element = root.current;
    const range = ranges[current];
    if (!element || !range) return;
    const key = `${query}|${current}|${step.nonce}`;
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    const box = range.getBoundingClientRect();
    const pane = element.getBoundingClientRect();
    if (box.top < pane.top + 24 || box.bottom > pane.bottom - 24) element.scrollTop += box.top - pane.top - element.clientHeight / 3;
  }, [root, ranges, current, query, step.nonce]);

  return { count: ranges.length, current };
}
