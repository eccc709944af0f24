import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppendFile, SyncTimes, syncOnLoop } from '../../../electron/core/store/durable-file';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('where a journal fsyncs (SyncTimes)', () => {
  it('waits on the event loop while fsyncs are quick, and one slow fsync does not change that', () => {
    const times = new SyncTimes();
    expect(times.quick).toBe(true);
    for (let n = 0; n < 20; n++) times.note(0.2);
    times.note(5);
    expect(times.typicalMs).toBeLessThan(syncOnLoop.slowerThanMs);
    expect(times.quick).toBe(true);
  });

  it('moves fsyncs to the thread pool on a slow disk, and back only once they are quick again', () => {
    const times = new SyncTimes();
    times.note(0.2);
    for (let n = 0; n < 3; n++) times.note(8);
    expect(times.quick).toBe(false);
    // Between the two limits it stays where it is, so a disk near one limit does not switch at every save.
    for (let n = 0; n < 40; n++) times.note(1.5);
    expect(times.typicalMs).toBeGreaterThan(syncOnLoop.quickerThanMs);
    expect(times.quick).toBe(false);
    for (let n = 0; n < 40 && !times.quick; n++) times.note(0.2);
    expect(times.typicalMs).toBeLessThan(syncOnLoop.quickerThanMs);
    expect(times.quick).toBe(true);
  });
});

describe('AppendFile', () => {
  for (const disk of ['quick', 'slow'] as const) {
    it(`on a ${disk} disk: the bytes are in the file before the work done ahead, and every append is kept in order`, async () => {
      const path = join(await tempDir(), 'notes.journal');
      const file = await AppendFile.open(path);
      // A slow disk, as the file would have measured it: its fsyncs go to the thread pool.
      if (disk === 'slow') for (let n = 0; n < 4; n++) file.syncTimes.note(50);
      expect(file.syncTimes.quick).toBe(disk === 'quick');
      const seenAhead: string[] = [];
      for (let n = 0; n < 5; n++) {
        const line = `{"n":${n}}\n`;
        const settled = { done: false };
        const appended = file.append(line, () => {
          seenAhead.push(readFileSync(path, 'utf8'));
          expect(settled.done).toBe(false);
          throw new Error('work done ahead that fails must not fail the append');
        });
        void appended.then(() => (settled.done = true));
        expect(await appended).toBe(Buffer.byteLength(line));
      }
      expect(file.syncTimes.quick).toBe(disk === 'quick');
      expect(file.syncTimes.typicalMs).toBeGreaterThan(0);
      await file.close();
      const expected = [0, 1, 2, 3, 4].map((n) => `{"n":${n}}\n`);
      expect(await readFile(path, 'utf8')).toBe(expected.join(''));
      expect(seenAhead).toEqual(expected.map((_, n) => expected.slice(0, n + 1).join('')));
    });
  }

  it('measures its fsyncs, so that a file that has written knows how quick its disk is', async () => {
    const file = await AppendFile.open(join(await tempDir(), 'notes.journal'));
    expect(file.syncTimes.typicalMs).toBe(0);
    await file.append('{"n":0}\n');
    expect(file.syncTimes.typicalMs).toBeGreaterThan(0);
    await file.close();
  });
});

describe('AppendFile, a large batch', () => {
  it('writes more than 64 kB through the thread pool, whole, tells the work done ahead before it resolves, and does not count its fsync as a save\'s', async () => {
    const path = join(await tempDir(), 'notes.journal');
    const file = await AppendFile.open(path);
    const line = `${JSON.stringify({ text: 'x'.repeat(100_000) })}\n`;
    let toldAhead = false;
    await file.append(line, () => (toldAhead = true));
    expect(toldAhead).toBe(true);
    expect(file.syncTimes.typicalMs).toBe(0);
    await file.close();
    expect(await readFile(path, 'utf8')).toBe(line);
  });
});
