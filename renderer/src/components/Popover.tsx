import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import './Popover.css';

interface Props {
  /** What it is about: a footnote marker, an entity name. It opens beside it. */
  anchor: HTMLElement;
  label: string;
  className?: string;
  children: ReactNode;
  /**
   * With this, Escape or a press outside closes it (and Escape returns the focus to the
   * anchor). Without it, the owner decides (a card that follows the pointer).
   */
  onDismiss?: () => void;
  /** Presses inside elements matching this do not dismiss it (a dialog it opened). */
  keepOpenInside?: string;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}

/**
 * A small card next to an anchor element, kept on screen: below the anchor when there
 * is room, else above; never wider than the window.
 */
export function Popover({ anchor, label, className, children, onDismiss, keepOpenInside, onPointerEnter, onPointerLeave }: Props) {
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
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [anchor]);

  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  const dismissible = Boolean(onDismiss);
  useEffect(() => {
    if (!dismissible) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      dismiss.current?.();
      anchor.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Element;
      if (anchor.contains(target) || card.current?.contains(target) || (keepOpenInside && target.closest?.(keepOpenInside))) return;
      dismiss.current?.();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [anchor, dismissible, keepOpenInside]);

  return (
    <div ref={card} className={`popover${className ? ` ${className}` : ''}`} role="dialog" aria-label={label} style={position} onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      {children}
    </div>
  );
}
