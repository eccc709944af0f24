/**
 * Clock times as transcripts write them: `hh:mm:ss.mmm`, `mm:ss`, with `.` or `,` before
 * the fraction (SRT uses a comma). Two parts are minutes and seconds, as in oTranscribe's
 * `(01:05)`.
 */
export function parseClock(text: string): number | undefined {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, hours, minutes, seconds, fraction] = match;
  if (Number(seconds) >= 60 || (hours !== undefined && Number(minutes) >= 60)) return undefined;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds) + (fraction ? Number(`0.${fraction.padEnd(3, '0')}`) : 0);
}

/** `1:02:03` or `02:03`, for messages and the player. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
