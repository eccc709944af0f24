import { Pause, Play, RotateCcw, RotateCw } from 'lucide-react';
import { formatClock } from './clock';
import { modifierKey } from '../app/shortcut-list';
import { PLAYBACK_RATES, SKIP_SECONDS, type MediaPlayer as Player } from './use-media-player';
import './MediaPlayer.css';

/**
 * The recording's player, bound to the transcript below it: play and pause, skip back and
 * forward, a slider to move through the recording, and slower or faster playback for
 * checking what was said. The media element is the app's own (no browser controls), so it
 * looks and answers the keyboard the same everywhere.
 */
export function MediaPlayer({ src, mimeType, video, player }: { src: string; mimeType: string; video: boolean; player: Player }) {
  const { state } = player;
  const Element = video ? 'video' : 'audio';
  return (
    <section className={`media-player${video ? ' has-video' : ''}`} aria-label="Recording">
      <Element ref={player.attach} className="media-element" preload="metadata" playsInline>
        <source src={src} type={mimeType} />
      </Element>
      <div className="media-controls">
        <button type="button" className="icon-button" onClick={() => player.skip(-SKIP_SECONDS)} title={`Back ${SKIP_SECONDS} s (${modifierKey}+←)`} aria-label={`Back ${SKIP_SECONDS} seconds`}>
          <RotateCcw size={16} aria-hidden="true" />
          <span className="media-skip-label" aria-hidden="true">
            {SKIP_SECONDS}
          </span>
        </button>
        <button
          type="button"
          className="icon-button media-play"
          onClick={player.toggle}
          title={`${state.paused ? 'Play' : 'Pause'} (${modifierKey}+Space)`}
          aria-label={state.paused ? 'Play' : 'Pause'}
          aria-pressed={!state.paused}
        >
          {state.paused ? <Play size={18} aria-hidden="true" /> : <Pause size={18} aria-hidden="true" />}
        </button>
        <button type="button" className="icon-button" onClick={() => player.skip(SKIP_SECONDS)} title={`Forward ${SKIP_SECONDS} s (${modifierKey}+→)`} aria-label={`Forward ${SKIP_SECONDS} seconds`}>
          <span className="media-skip-label" aria-hidden="true">
            {SKIP_SECONDS}
          </span>
          <RotateCw size={16} aria-hidden="true" />
        </button>
        <span className="media-time" aria-live="off">
          <span className="media-current">{formatClock(state.time)}</span> / {formatClock(state.duration)}
        </span>
        <input
          type="range"
          className="media-seek"
          min={0}
          max={Math.max(state.duration, 0.001)}
          step={0.1}
          value={Math.min(state.time, state.duration)}
          onChange={(event) => player.seek(Number(event.currentTarget.value))}
          aria-label="Position in the recording"
          aria-valuetext={`${formatClock(state.time)} of ${formatClock(state.duration)}`}
        />
        <label className="media-rate" title="Playback speed (< and >)">
          <span className="visually-hidden">Speed</span>
          <select value={state.rate} onChange={(event) => player.setRate(Number(event.currentTarget.value))} aria-label="Playback speed">
            {PLAYBACK_RATES.map((rate) => (
              <option key={rate} value={rate}>
                {rate}×
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.span ? <p className="media-span muted">Playing the quote {formatClock(state.span.start)}–{formatClock(state.span.end)}</p> : null}
      {state.error ? (
        <p className="media-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </section>
  );
}
