import { useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * A small card next to an anchor element (a footnote marker, an entity mention), kept on
 * screen: below the anchor when there is room, else above.
 */
export function Popover({
  anchor,
  label,
  className,
  children,
  onPointerEnter,
  onPointerLeave,
}: {
  anchor: HTMLElement;
  label: string;
  className?: string;
  children: ReactNode;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}) {
  const card = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: -9999, top: -9999 });
  useLayoutEffect(() => {
    const place = () => {
      const target = anchor.getBoundingClientRect();
      const own = card.current!.getBoundingClientRect();
      const left = Math.min(window.innerWidth - own.width - 12, Math.max(12, target.left + target.width / 2 - own.width / 2));
      const below = target.bottom + 8;
      const top = below + own.height < window.innerHeight - 12 ? below : Math.max(12, target.top - own.height - 8);
      setPosition({ left, top });
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(card.current!);
    window.addEventListener('scroll', place, true);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', place, true);
    };
  }, [anchor]);
  return (
    <div ref={card} className={`popover ${className ?? ''}`} role="dialog" aria-label={label} style={position} onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      {children}
    </div>
  );
}
