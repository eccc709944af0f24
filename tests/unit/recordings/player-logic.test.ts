import { describe, expect, it } from 'vitest';
import { parsePlaySpan, playSpanHref } from '../../../renderer/src/app/routes';
import { pairRecordings } from '../../../renderer/src/import/pair-recordings';
import { passageAtTime, timedPassages } from '../../../renderer/src/media/passage-at-time';

describe('the passage being said', () => {
  const passages = timedPassages([
    { id: 'heading' },
    { id: 'q1', start: 0, end: 2.1 },
    { id: 'a1', start: 2.1, end: 5.4 },
    // Talking over the end of the answer.
    { id: 'q2', start: 5.0, end: 6.0 },
    { id: 'a2', start: 7.0, end: 9.5 },
  ]);

  it('is the one whose span holds the time, untimed passages left out', () => {
    expect(passages.map((p) => p.id)).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(passageAtTime(passages, 0)?.id).toBe('q1');
    expect(passageAtTime(passages, 2.1)?.id).toBe('a1');
    expect(passageAtTime(passages, 4.99)?.id).toBe('a1');
  });

  it('is the later voice when two overlap, none in a pause, none after the end', () => {
    expect(passageAtTime(passages, 5.2)?.id).toBe('q2');
    expect(passageAtTime(passages, 6.5)).toBeUndefined();
    expect(passageAtTime(passages, 9.5)).toBeUndefined();
    expect(passageAtTime([], 1)).toBeUndefined();
  });

  it('is found among a two-hour interview’s cues', () => {
    const many = timedPassages(Array.from({ length: 1500 }, (_, i) => ({ id: `p${i}`, start: i * 4.8, end: i * 4.8 + 4.5 })));
    expect(passageAtTime(many, 1234 * 4.8 + 1)?.id).toBe('p1234');
    expect(passageAtTime(many, 1234 * 4.8 + 4.6)).toBeUndefined();
  });
});

describe('files chosen together', () => {
  const file = (name: string) => ({ kind: 'file' as const, file: new File(['x'], name) });
  const names = (sources: ReturnType<typeof pairRecordings>) =>
    sources.map((s) => (s.kind === 'file' ? `${s.file.name}${s.transcript ? ` + ${s.transcript.name}` : ''}` : `${s.path}${s.transcript ? ` + ${s.transcript}` : ''}`));

  it('pair a recording with the transcript of the same name, preferring a timed one', () => {
    const sources = [file('Interview 3.txt'), file('interview 3.OGG'), file('Interview 3.vtt'), file('report.pdf'), file('other.mp3')];
    expect(names(pairRecordings(sources))).toEqual(['Interview 3.txt', 'interview 3.OGG + Interview 3.vtt', 'report.pdf', 'other.mp3']);
  });

  it('pair paths from the file dialog the same way, and leave a lone transcript as a document', () => {
    const sources = [
      { kind: 'path' as const, path: '/home/a/rec/day1.wav' },
      { kind: 'path' as const, path: '/home/a/rec/day1.srt' },
      { kind: 'path' as const, path: '/home/a/rec/day2.srt' },
    ];
    expect(names(pairRecordings(sources))).toEqual(['/home/a/rec/day1.wav + /home/a/rec/day1.srt', '/home/a/rec/day2.srt']);
  });
});

describe('links that play a quote', () => {
  it('carry the span in the reader’s address, and only a well-formed forward span is played', () => {
    const href = playSpanHref('imp-abc', 'imp-abc-p3', { start: 7.25, end: 9.5 });
    expect(href).toBe('#/reader/imp-abc?passage=imp-abc-p3&play=7.25-9.5');
    expect(parsePlaySpan(new URLSearchParams(href.split('?')[1]).get('play'))).toEqual({ start: 7.25, end: 9.5 });
    for (const bad of [null, '', '9-7', '1-1', 'a-b', '-1-2', '1-2-3']) expect(parsePlaySpan(bad)).toBeUndefined();
  });
});
