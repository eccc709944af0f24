import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { passageAtTime, type TimedPassage } from './passage-at-time';

/** Playback speeds offered for checking a transcript against the recording. */
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5] as const;
export const SKIP_SECONDS = 5;

export interface MediaState {
  time: number;
  duration: number;
  paused: boolean;
  rate: number;
  /** The element knows the recording's length and can seek (readyState ≥ HAVE_METADATA). */
  ready: boolean;
  /** A span being played: playback stops at its end. */
  span?: { start: number; end: number } | undefined;
  error?: string | undefined;
}

/**
 * The player's state, read from the media element's own events (never from timers), and
 * what can be done with it. `playing` is the passage being said now.
 */
export function useMediaPlayer(passages: readonly TimedPassage[], knownDuration: number) {
  const element = useRef<HTMLMediaElement | null>(null);
  // Kept as state too, so the listeners are set up once the element exists.
  const [attached, setAttached] = useState<HTMLMediaElement | null>(null);
  const [state, setState] = useState<MediaState>({ time: 0, duration: knownDuration, paused: true, rate: 1, ready: false });
  const span = useRef<{ start: number; end: number } | undefined>(undefined);

  const attach = useCallback((media: HTMLMediaElement | null) => {
    element.current = media;
    setAttached(media);
  }, []);

  useEffect(() => {
    const media = attached;
    if (!media) return;
    const read = () =>
      setState((previous) => ({
        ...previous,
        time: media.currentTime,
        duration: Number.isFinite(media.duration) && media.duration > 0 ? media.duration : knownDuration,
        paused: media.paused,
        rate: media.playbackRate,
        ready: media.readyState >= HTMLMediaElement.HAVE_METADATA,
        span: span.current,
      }));
    const onTime = () => {
      // A quote played from its card stops where the quote ends.
      if (span.current && media.currentTime >= span.current.end) {
        media.pause();
        span.current = undefined;
      }
      read();
    };
    const onError = () =>
      setState((previous) => ({ ...previous, paused: true, error: 'The recording could not be played. Its file may be missing from the workspace or damaged; import it again.' }));
    const events = ['play', 'pause', 'ratechange', 'durationchange', 'loadedmetadata', 'seeked', 'ended'] as const;
    for (const event of events) media.addEventListener(event, read);
    // The metadata may have loaded before the listeners were set.
    read();
    media.addEventListener('timeupdate', onTime);
    media.addEventListener('error', onError);
    return () => {
      for (const event of events) media.removeEventListener(event, read);
      media.removeEventListener('timeupdate', onTime);
      media.removeEventListener('error', onError);
    };
  }, [attached, knownDuration]);

  const play = useCallback(() => {
    // play() rejects when a pause or a seek interrupts it; the events tell the state.
    element.current?.play().catch(() => undefined);
  }, []);
  const toggle = useCallback(() => {
    const media = element.current;
    if (!media) return;
    if (media.paused) play();
    else media.pause();
  }, [play]);
  const seek = useCallback((time: number) => {
    const media = element.current;
    if (!media) return;
    span.current = undefined;
    media.currentTime = Math.max(0, Math.min(time, Number.isFinite(media.duration) ? media.duration : time));
  }, []);
  const skip = useCallback((seconds: number) => seek((element.current?.currentTime ?? 0) + seconds), [seek]);
  const setRate = useCallback((rate: number) => {
    if (element.current) element.current.playbackRate = rate;
  }, []);
  const stepRate = useCallback(
    (direction: 1 | -1) => {
      const current = element.current?.playbackRate ?? 1;
      const index = PLAYBACK_RATES.findIndex((rate) => rate >= current - 0.001);
      const next = PLAYBACK_RATES[Math.max(0, Math.min(PLAYBACK_RATES.length - 1, (index < 0 ? PLAYBACK_RATES.length - 1 : index) + direction))]!;
      setRate(next);
    },
    [setRate],
  );
  /** Plays a passage from its start; playback goes on past it, as reading on would. */
  const playFrom = useCallback(
    (time: number) => {
      seek(time);
      play();
    },
    [play, seek],
  );
  const playSpan = useCallback(
    (range: { start: number; end: number }) => {
      seek(range.start);
      span.current = range;
      play();
    },
    [play, seek],
  );

  const playing = useMemo(() => passageAtTime(passages, state.time), [passages, state.time]);
  return { attach, state, playing, toggle, seek, skip, setRate, stepRate, playFrom, playSpan };
}

export type MediaPlayer = ReturnType<typeof useMediaPlayer>;
