import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../../electron/core/import/pdf/open-pdf.js';
import { patchWorkerSource, pdfJsWorkerPath, STABLE_FONT_NAME, TEXT_STATE_CLONE } from '../../../electron/core/import/pdf/pdfjs.js';
import { readPageRuns } from '../../../electron/core/import/pdf/text-runs.js';
import { readFixture } from './support/paths.js';
import { siblingEntry, workerScriptUrl } from '../../../electron/core/workers/worker-entry.js';

describe('pdf.js as the import loads it', () => {
  it('applies its fixes to the installed pdf.js (an upgrade that moves the code fails here, not silently slower or unstable)', async () => {
    const source = await readFile(pdfJsWorkerPath(), 'utf8');
    const patched = patchWorkerSource(source);
    expect(patched).toBeDefined();
    for (const { from, to } of [TEXT_STATE_CLONE, STABLE_FONT_NAME]) {
      expect(patched).toContain(to);
      expect(patched).not.toContain(from);
    }
    expect(patched!.length).toBe(source.length + [TEXT_STATE_CLONE, STABLE_FONT_NAME].reduce((n, p) => n + p.to.length - p.from.length, 0));
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
    expect(patchWorkerSource(`class TextState {}\n${TEXT_STATE_CLONE.from}\n${STABLE_FONT_NAME.from}`)).toContain(STABLE_FONT_NAME.to);
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
