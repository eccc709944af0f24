import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../../electron/core/import/pdf/open-pdf.js';
import { loadPdfJs, patchWorkerSource, pdfJsWorkerPath, STABLE_FONT_NAME, TEXT_STATE_CLONE, TEXT_TRANSFORM_INLINE } from '../../../electron/core/import/pdf/pdfjs.js';
import { readPageRuns } from '../../../electron/core/import/pdf/text-runs.js';
import { readFixture } from './support/paths.js';
import { siblingEntry, workerScriptUrl } from '../../../electron/core/workers/worker-entry.js';

describe('pdf.js as the import loads it', () => {
  it('applies its fixes to the installed pdf.js (an upgrade that moves the code fails here, not silently slower or unstable)', async () => {
    const source = await readFile(pdfJsWorkerPath(), 'utf8');
    const patched = patchWorkerSource(source);
    expect(patched).toBeDefined();
    const patches = [TEXT_STATE_CLONE, STABLE_FONT_NAME, TEXT_TRANSFORM_INLINE];
    for (const { from, to } of patches) {
      expect(patched).toContain(to);
      expect(patched).not.toContain(from);
    }
    expect(patched!.length).toBe(source.length + patches.reduce((n, p) => n + p.to.length - p.from.length, 0));
  });

  it('names a font the same whichever pages were read before (workers sharing a PDF read different pages first)', async () => {
    const bytes = await readFixture('tracemonkey.pdf');
    const fontsOf = async (readFirst: number[], page: number) => {
      const { doc, task } = await openPdf(bytes, 'tracemonkey.pdf');
      try {
        for (const n of readFirst) await (await doc.getPage(n)).getTextContent();
        // As the import reads them: each document opened here (as in a kept worker) has another number.
        return (await readPageRuns(await doc.getPage(page))).runs.map((run) => run.font);
      } finally {
        await task.destroy();
      }
    };
    // Page 9 has body text and a bold section heading; pages 1-8 bring in the title's fonts first.
    const alone = await fontsOf([], 9);
    expect(alone.every((font) => /^r\d+_\d+$/.test(font))).toBe(true);
    const after = await fontsOf([1, 2, 3, 4, 5, 6, 7, 8], 9);
    expect(new Set(alone).size).toBeGreaterThan(1);
    expect(after).toEqual(alone);
  });

  it('leaves pdf.js alone when the code is not there exactly once', () => {
    expect(patchWorkerSource('class TextState {}')).toBeUndefined();
    expect(patchWorkerSource(`class TextState {}\n${TEXT_STATE_CLONE.from}\n${TEXT_STATE_CLONE.from}`)).toBeUndefined();
    expect(patchWorkerSource(TEXT_STATE_CLONE.from)).toBeUndefined();
    // One fix found and not the other: nothing is applied.
    expect(patchWorkerSource(`class TextState {}\n${TEXT_STATE_CLONE.from}`)).toBeUndefined();
    expect(patchWorkerSource(`class TextState {}\n${TEXT_STATE_CLONE.from}\n${STABLE_FONT_NAME.from}`)).toBeUndefined();
    expect(patchWorkerSource(`class TextState {}\n${TEXT_STATE_CLONE.from}\n${STABLE_FONT_NAME.from}\n${TEXT_TRANSFORM_INLINE.from}`)).toContain(TEXT_TRANSFORM_INLINE.to);
  });

  it("works out a glyph's position as Util.transform does, to the last bit, for every kind of matrix pdf.js holds", async () => {
    const { Util } = await loadPdfJs();
    // The replaced line and its replacement, run on the same text state.
    const original = new Function('Util', 'textState', 'tsm', TEXT_TRANSFORM_INLINE.from) as (u: unknown, s: unknown, t: number[]) => number[];
    const inline = new Function('Util', 'textState', 'tsm', TEXT_TRANSFORM_INLINE.to) as (u: unknown, s: unknown, t: number[]) => number[];
    let seed = 17;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5) * 900;
    const kinds = [
      (v: number[]) => v.map(Math.round), // small integers, as most content streams write them
      (v: number[]) => v, // doubles
      (v: number[]) => Float32Array.from(v), // typed arrays (a form's or a pattern's matrix)
      (v: number[]) => v.map((x, i) => (i % 2 ? Math.round(x) : x)), // mixed
    ];
    let compared = 0;
    for (let i = 0; i < 200; i++) {
      for (const ctmKind of kinds) {
        for (const textKind of kinds) {
          const textState = { ctm: ctmKind(Array.from({ length: 6 }, next)), textMatrix: textKind(Array.from({ length: 6 }, next)) };
          const tsm = [next() / 90, 0, 0, next() / 90, 0, i % 3 ? 0 : next() / 300];
          const want = original(Util, textState, tsm);
          const got = inline(Util, textState, tsm);
          expect(got).toHaveLength(6);
          got.forEach((value, k) => expect(Object.is(value, want[k])).toBe(true));
          compared += 1;
        }
      }
    }
    expect(compared).toBe(3200);
  });

  it("keeps the extraction worker's start light: OCR, photo and Word packages load only when a task needs them", async () => {
    const url = await workerScriptUrl(siblingEntry(new URL('../../../electron/core/import/extract-in-workers.ts', import.meta.url).href, 'worker'));
    // What a worker loads as it starts: the entry and the chunks it imports statically
    // (dynamic import() calls are left out: they load with the task that needs them).
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = async (file: URL): Promise<void> => {
      if (seen.has(file.href)) return;
      seen.add(file.href);
      const code = await readFile(file, 'utf8');
      for (const m of code.matchAll(/^import\s[^;]*?from\s+"([^"]+)"/gms)) {
        const specifier = m[1]!;
        if (specifier.startsWith('./')) await visit(new URL(specifier, file));
        else packages.add(specifier);
      }
    };
    await visit(url);
    expect(seen.size).toBeGreaterThan(0);
    for (const heavy of ['tesseract.js', 'pdfkit', '@napi-rs/canvas', 'jszip', 'yaml', 'utif', 'image-size', 'yauzl', 'mammoth']) {
      expect([...packages]).not.toContain(heavy);
    }
  });
});
