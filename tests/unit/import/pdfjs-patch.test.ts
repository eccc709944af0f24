import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { patchWorkerSource, pdfJsWorkerPath, TEXT_STATE_CLONE } from '../../../electron/core/import/pdf/pdfjs.js';
import { siblingEntry, workerScriptUrl } from '../../../electron/core/workers/worker-entry.js';

describe('pdf.js as the import loads it', () => {
  it('applies the text-state fix to the installed pdf.js (an upgrade that moves the code fails here, not silently 30 % slower)', async () => {
    const source = await readFile(pdfJsWorkerPath(), 'utf8');
    const patched = patchWorkerSource(source);
    expect(patched).toBeDefined();
    expect(patched!.length).toBe(source.length - TEXT_STATE_CLONE.from.length + TEXT_STATE_CLONE.to.length);
    expect(patched).toContain(TEXT_STATE_CLONE.to);
    expect(patched).not.toContain(TEXT_STATE_CLONE.from);
  });

  it('leaves pdf.js alone when the code is not there exactly once', () => {
    expect(patchWorkerSource('class TextState {}')).toBeUndefined();
    expect(patchWorkerSource(`class TextState {}\n${TEXT_STATE_CLONE.from}\n${TEXT_STATE_CLONE.from}`)).toBeUndefined();
    expect(patchWorkerSource(TEXT_STATE_CLONE.from)).toBeUndefined();
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
