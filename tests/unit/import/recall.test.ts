import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../electron/core/import/pdf/extract-pdf.js';
import { fixturePdf, readFixture } from './support/paths.js';

/**
 * How much of the text poppler's pdftotext finds in each fixture comes out of our import:
 * the share of pdftotext's words (counted with repeats; letters in them, line-end hyphens
 * joined on both sides) that are among the words of our passages and footnotes. Page
 * furniture we drop on purpose (running headers, page numbers) costs a little.
 */
const FIXTURES: Array<{ file: string; password?: string }> = [
  { file: 'tracemonkey.pdf' },
  { file: 'alphatrans.pdf' },
  { file: 'ArabicCIDTrueType.pdf' },
  { file: 'helloworld-bad.pdf' },
  { file: 'issue6010_1.pdf', password: 'abc' },
];

function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/(\p{L})[-‐]\s*\n\s*(\p{L})/gu, '$1$2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => /\p{L}/u.test(word));
}

export function recall(reference: string[], ours: string[]): number {
  const available = new Map<string, number>();
  for (const word of ours) available.set(word, (available.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of reference) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      found += 1;
      available.set(word, left - 1);
    }
  }
  return reference.length === 0 ? 1 : found / reference.length;
}

describe('text recall of imported PDFs against pdftotext', () => {
  it.each(FIXTURES)('$file: at least 0.95 of the words pdftotext finds', async ({ file, password }) => {
    const reference = words(execFileSync('pdftotext', [...(password ? ['-upw', password] : []), fixturePdf(file), '-'], { encoding: 'utf8' }));
    expect(reference.length).toBeGreaterThan(0);
    const result = await extractPdf(await readFixture(file), { fileName: file, ...(password ? { password } : {}) });
    const ours = words([...result.passages.map((p) => p.text), ...result.footnotes.map((f) => `${f.number} ${f.text}`)].join('\n'));
    expect(recall(reference, ours)).toBeGreaterThanOrEqual(0.95);
  });

  it('the measure itself: missing words lower it, repeats count', () => {
    expect(recall(['a', 'b', 'b', 'c'], ['a', 'b', 'c'])).toBe(0.75);
    expect(recall(['a'], [])).toBe(0);
  });
});
