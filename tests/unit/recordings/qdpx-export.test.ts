import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { useCores } from '../../helpers/core';
import { interviewVtt, type SpokenInterview, useSpokenInterview } from '../../helpers/spoken-interview';
import { useTempDirs } from '../../helpers/temp-dir';
import { selectCodePoints, xmllint } from '../exchange/support';
import { call } from '../import-api/support';

const openCore = useCores();
const tempDir = useTempDirs();
let spoken: SpokenInterview;
let files: string;

useSpokenInterview('qdpx-media', (made) => {
  ({ spoken, files } = made);
});

const attribute = (element: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(element)?.[1];

describe('a recording in a REFI-QDA project', () => {
  it('is an AudioSource with its media, a Transcript with SyncPoints, and each coded quote a TranscriptSelection over its own span; the project validates', async () => {
    const dir = await tempDir();
    const core = await openCore(path.join(dir, 'workspace'));
    const transcript = path.join(files, 'qdpx.vtt');
    await fs.writeFile(transcript, interviewVtt(spoken.turns));
    const { documentId } = await call(core, 'import.file', { path: spoken.ogg, transcript });
    const passages = await call(core, 'corpus.passages', { docId: documentId });
    const topic = await call(core, 'topics.create', { name: 'Divided city' });
    const part = 'The bridge still divides us.';
    const narrow = await call(core, 'annotations.create', { passageId: passages[1].id, quote: part, offsetInPassage: passages[1].text.indexOf(part), topicIds: [topic.id], note: 'The bridge again' });
    const whole = await call(core, 'annotations.create', { passageId: passages[3].id, quote: passages[3].text, topicIds: [topic.id] });

    const out = path.join(dir, 'project.qdpx');
    const result = await call(core, 'exchange.exportProject', { format: 'qdpx', out });
    expect(result).toMatchObject({ selections: 2, left: [] });
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    const qde = await zip.file('project.qde')!.async('string');
    const qdeFile = path.join(dir, 'project.qde');
    await fs.writeFile(qdeFile, qde);
    expect(await xmllint(qdeFile, 'Project.xsd')).toBe('');

    const source = /<AudioSource [^>]*>/.exec(qde)?.[0];
    expect(source).toBeDefined();
    const mediaPath = attribute(source!, 'path')!.replace('internal://', 'Sources/');
    expect(mediaPath).toMatch(/\.ogg$/);
    expect(await zip.file(mediaPath)!.async('nodebuffer')).toEqual(await fs.readFile(spoken.ogg));
    const transcriptElement = /<Transcript [^>]*>/.exec(qde)![0];
    const text = await zip.file(attribute(transcriptElement, 'plainTextPath')!.replace('internal://', 'Sources/'))!.async('string');

    const syncPoints = new Map([...qde.matchAll(/<SyncPoint [^>]*\/>/g)].map(([element]) => [attribute(element, 'guid')!, { ms: Number(attribute(element, 'timeStamp')), position: Number(attribute(element, 'position')) }]));
    const selections = [...qde.matchAll(/<TranscriptSelection [^>]*>/g)].map(([element]) => ({ from: syncPoints.get(attribute(element, 'fromSyncPoint')!)!, to: syncPoints.get(attribute(element, 'toSyncPoint')!)! }));
    expect(selections).toHaveLength(2);
    // Each selection's sync points select the quote's words and carry its time span.
    for (const [selection, annotation] of [[selections[0]!, narrow], [selections[1]!, whole]] as const) {
      expect(selectCodePoints(text, selection.from.position, selection.to.position)).toBe(annotation.target.selectors.quote.exact);
      expect(selection.from.ms).toBe(Math.round(annotation.timeSpan.start * 1000));
      expect(selection.to.ms).toBe(Math.round(annotation.timeSpan.end * 1000));
    }
    // Every timed passage starts at a sync point of its own.
    for (const passage of passages) expect([...syncPoints.values()].some((point) => point.ms === Math.round(passage.start * 1000))).toBe(true);
    expect(qde).toContain('<CodeRef');
    expect(qde).toContain('<Description>The bridge again</Description>');
  });
});
