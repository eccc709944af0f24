/** `1:02:03` or `02:03` for a time in seconds, as the player and lists show it. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** A span as `02:03–02:09`. */
export function formatSpan(span: { start: number; end: number }): string {
  return `${formatClock(span.start)}–${formatClock(span.end)}`;
}
