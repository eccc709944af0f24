import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blocksFromDocx } from '../../../electron/core/import/transcript/docx-blocks.js';
import { parseTranscript, parseTranscriptBlocks } from '../../../electron/core/import/transcript/parse-transcript.js';
import { matchTurn } from '../../../electron/core/import/transcript/speaker-turns.js';
import { interviewDocx } from './support/interview-docx.js';
import { transcriptFixtures } from './support/paths.js';

const read = (name: string) => fs.readFile(path.join(transcriptFixtures, name), 'utf8');

describe('speaker labels', () => {
  it.each([
    ['Interviewer: How long have you lived here?', 'Interviewer', undefined, 'How long have you lived here?'],
    ['[00:12:31] Respondent: All my life.', 'Respondent', '00:12:31', 'All my life.'],
    ['00:12 [Dragana] I will start.', 'Dragana', '00:12', 'I will start.'],
    ['Jelena (12:31): Checkpoints.', 'Jelena', '12:31', 'Checkpoints.'],
    ['(12:31) Q: Why did you resign?', 'Q', '12:31', 'Why did you resign?'],
    ['A: It was not an individual decision.', 'A', undefined, 'It was not an individual decision.'],
    ['Participant 2: We were not asked.', 'Participant 2', undefined, 'We were not asked.'],
  ])('%s', (line, speaker, timestamp, rest) => {
    const turn = matchTurn(line);
    expect(turn?.speaker).toBe(speaker);
    expect(turn?.timestamp).toBe(timestamp);
    expect(turn?.rest).toBe(rest);
  });

  it.each(['[inaudible] nobody explained', 'Date: 12 March 2024', 'the police said: stop', 'Note: recorded with consent'])('not a turn: %s', (line) => {
    expect(matchTurn(line)).toBeUndefined();
  });
});

describe('plain-text transcripts', () => {
  it('reads a timestamped interview: turns, multi-line answers, and paragraphs inside a turn', async () => {
    const t = parseTranscript(await read('interview-mitrovica-north-2024-03.txt'), { format: 'txt' });
    expect(t.speakers).toEqual(['Interviewer', 'Respondent']);
    expect(t.turns).toHaveLength(11);
    expect(t.turns[0]).toMatchObject({ speaker: 'Interviewer', timestamp: '00:00:05' });
    const answers = t.passages.filter((p) => p.speaker === 'Respondent');
    expect(answers.every((p) => p.kind === 'quote')).toBe(true);
    expect(t.passages.filter((p) => p.speaker === 'Interviewer').every((p) => p.kind === 'paragraph')).toBe(true);
    // A turn over several lines is one passage, its lines joined.
    expect(answers[0]!.text).toBe('All my life. I was born in Zvečan, my parents moved to Mitrovica when I was seven. So, forty-one years, more or less.');
    // After a blank line the same speaker goes on, in a passage of its own.
    expect(answers.map((p) => p.text)).toContain('That is how you lose a generation, I think.');
    // The header lines are nobody's turn, and "Date:" / "Note:" are not speakers.
    expect(t.passages.slice(0, 4).map((p) => p.speaker)).toEqual([undefined, undefined, undefined, undefined]);
    expect(t.passages.some((p) => /\[00:|^\d\d:\d\d/.test(p.text))).toBe(false);
  });

  it('reads [Name] labels after a timestamp, including a speaker who talks only once', async () => {
    const t = parseTranscript(await read('community-meeting-leposavic.txt'), { format: 'txt' });
    expect(t.speakers).toEqual(['Facilitator', 'Dragana', 'Arben', 'Miloš']);
    const milos = t.passages.find((p) => p.speaker === 'Miloš');
    expect(milos?.text).toMatch(/^Can I add something\? The problem is not only the police\./);
    expect(t.passages.find((p) => p.speaker === 'Facilitator')?.kind).toBe('paragraph');
    expect(t.passages.find((p) => p.speaker === 'Dragana')?.kind).toBe('quote');
  });
});

describe('Markdown transcripts', () => {
  it('makes headings sections, strips bold labels, and ends a turn at a horizontal rule', async () => {
    const t = parseTranscript(await read('focus-group-zubin-potok.md'), { format: 'md' });
    expect(t.title).toBe('Focus group: trust in policing, Zubin Potok');
    expect(t.speakers).toEqual(['Moderator', 'Jelena', 'Stefan', 'Vesna']);
    const vesna = t.passages.filter((p) => p.speaker === 'Vesna');
    expect(vesna.map((p) => p.sectionPath)).toEqual([['Part 2: What would rebuild trust'], ['Part 2: What would rebuild trust']]);
    expect(vesna[1]!.text).toBe('Nobody is against the law. We are against being treated like we are all suspects.');
    const first = t.passages.find((p) => p.speaker === 'Moderator')!;
    expect(first.text).toContain('the words Kosovo Police, what');
    expect(t.turns.find((x) => x.speaker === 'Jelena')?.timestamp).toBe('00:02:10');
    const last = t.passages.at(-1)!;
    expect(last.text).toMatch(/^Moderator's note/);
    expect(last.speaker).toBeUndefined();
    expect(t.passages.filter((p) => p.kind === 'heading').map((p) => [p.text, p.level])).toEqual([
      ['Focus group: trust in policing, Zubin Potok', 1],
      ['Part 1: Before and after 2022', 2],
      ['Part 2: What would rebuild trust', 2],
    ]);
  });
});

describe('Word (.docx) transcripts', () => {
  it('reads headings from Word styles and Q:/A: turns with (mm:ss) timestamps', async () => {
    const blocks = await blocksFromDocx(await interviewDocx(), 'interview.docx');
    const t = parseTranscriptBlocks(blocks);
    expect(t.title).toBe('Interview with a former Kosovo Police officer, Zvečan');
    expect(t.speakers).toEqual(['Q', 'A']);
    expect(t.turns.map((x) => x.timestamp)).toEqual(['00:40', '00:52', '02:15', '02:21', '12:31', '12:40']);
    const answers = t.passages.filter((p) => p.speaker === 'A');
    expect(answers.every((p) => p.kind === 'quote')).toBe(true);
    expect(answers[1]!.text).toBe('I did not want to be the one who stayed. My neighbours would not have spoken to me again.');
    expect(answers.at(-1)!.sectionPath).toEqual(['Going back']);
    expect(t.passages.filter((p) => p.speaker === 'Q').every((p) => p.kind === 'paragraph' && p.text.endsWith('?'))).toBe(true);
  });

  it('refuses a file that is not a Word document with a CORRUPT error naming it', async () => {
    await expect(blocksFromDocx(new TextEncoder().encode('PK\u0003\u0004 not really a zip'), 'broken.docx')).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringContaining('“broken.docx”'),
    });
  });
});
