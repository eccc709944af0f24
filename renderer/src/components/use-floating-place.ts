import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import { placeFloating, type AnchorBox, type FloatingPlace } from './floating-place';

/**
 * Keeps a fixed panel placed against its anchor as its own size changes (a list opening
 * inside it, chips added) and as the window is resized. Until measured it is drawn off
 * screen, so it never flashes in the wrong place.
 */
export function useFloatingPlace(panel: RefObject<HTMLElement | null>, anchor: AnchorBox | undefined): FloatingPlace | undefined {
  const [place, setPlace] = useState<FloatingPlace>();
  useLayoutEffect(() => {
    const element = panel.current;
    if (!element || !anchor) return;
    const update = () => {
      // The natural height, not the one a max-height cut it to: what its scrolling parts hide counts too.
      const hidden = [...element.children].reduce((sum, child) => sum + Math.max(0, child.scrollHeight - child.clientHeight), 0);
      const height = element.offsetHeight + hidden;
      const next = placeFloating(anchor, { width: element.offsetWidth, height }, { width: window.innerWidth, height: window.innerHeight });
      setPlace((current) => (current && current.top === next.top && current.left === next.left && current.maxHeight === next.maxHeight ? current : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    // A scrolling body keeps its own size while its content grows: watch the content too.
    for (const child of element.children) {
      observer.observe(child);
      for (const grandchild of child.children) observer.observe(grandchild);
    }
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [panel, anchor]);
  return place;
}
