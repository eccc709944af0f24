import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../helpers/csv';
import { useCores } from '../../helpers/core';
import { interviewVtt, type SpokenInterview, useSpokenInterview } from '../../helpers/spoken-interview';
import { useTempDirs } from '../../helpers/temp-dir';
import { call } from '../import-api/support';

const openCore = useCores();
const tempDir = useTempDirs();
let spoken: SpokenInterview;
let files: string;

useSpokenInterview('spans', (made) => {
  ({ spoken, files } = made);
});

async function importedInterview() {
  const core = await openCore(await tempDir());
  const transcript = path.join(files, 'spans.vtt');
  await fs.writeFile(transcript, interviewVtt(spoken.turns));
  const { documentId } = await call(core, 'import.file', { path: spoken.ogg, transcript });
  const passages = await call(core, 'corpus.passages', { docId: documentId });
  return { core, documentId, passages };
}

describe('coding on time spans', () => {
  it('gives a quote of a whole passage that passage’s span, and a part of one its share', async () => {
    const { core, passages } = await importedInterview();
    const answer = passages[1];
    const whole = await call(core, 'annotations.create', { passageId: answer.id, quote: answer.text });
    expect(whole.timeSpan).toEqual({ start: answer.start, end: answer.end });

    // "The bridge still divides us." is the second half of the answer, by characters.
    const part = 'The bridge still divides us.';
    const offset = answer.text.indexOf(part);
    const narrow = await call(core, 'annotations.create', { passageId: answer.id, quote: part, offsetInPassage: offset });
    const perChar = (answer.end - answer.start) / answer.text.length;
    expect(narrow.timeSpan.start).toBeCloseTo(answer.start + offset * perChar, 3);
    expect(narrow.timeSpan.end).toBeCloseTo(answer.end, 3);
    expect(narrow.timeSpan.start).toBeGreaterThan(answer.start);
  });

  it('runs a quote over two passages from the first one’s point to the last one’s', async () => {
    const { core, documentId, passages } = await importedInterview();
    const document = await call(core, 'corpus.document', { docId: documentId });
    expect(document.media).toBeDefined();
    const first = passages.find((p: { text: string }) => p.text.includes('Do you trust'));
    const last = passages.find((p: { text: string }) => p.text.includes('not in the north.'));
    const across = await call(core, 'annotations.createFromSelection', {
      start: { passageId: first.id, offset: first.text.indexOf('Do you trust') },
      end: { passageId: last.id, offset: last.text.indexOf('not in the north.') + 'not in the north.'.length },
    });
    expect(across.timeSpan).toEqual({ start: passages[2].start, end: passages[3].end });
  });

  it('writes start and end (seconds) into the CSV export, empty for quotes of untimed text', async () => {
    const { core, passages } = await importedInterview();
    const topic = await call(core, 'topics.create', { name: 'Divided city' });
    await call(core, 'annotations.create', { passageId: passages[1].id, quote: passages[1].text, topicIds: [topic.id] });
    const { text } = await call(core, 'annotations.export', { format: 'csv' });
    const [header, row] = parseCsv(text);
    expect(header!.slice(-3)).toEqual(['speaker', 'start', 'end']);
    expect(row!.slice(-3)).toEqual(['Amina Berisha', String(passages[1].start), String(passages[1].end)]);
  });
});
