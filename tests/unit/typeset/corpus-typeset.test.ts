import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../electron/core/corpus/load';
import type { Corpus, Passage } from '../../../electron/core/corpus/schema';
import { typesetDocument } from '../../../electron/core/corpus/typeset';
import { checkoutResourcesDir } from '../../../electron/core/paths';
import { readPdf } from './pdf-reader';

/**
 * The typesetter over the real, committed corpus (resources/corpus/corpus.json, built by
 * `npm run corpus`). Deliberately not skipped when the corpus is missing: the corpus is
 * committed, so its absence is a failure.
 */

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function opening(p: Passage): string {
  const text = p.kind === 'table-row' ? (p.cells?.[0] ?? p.text.split('\t')[0] ?? '') : p.text;
  const firstMarker = Math.min(...p.footnoteRefs.map((r) => r.offset), text.length);
  return collapse(text.slice(0, Math.min(firstMarker, 50)));
}

/** Words with letters outside ASCII (Vučić, Ibër-Lepenc, Türkiye...). */
function diacriticWords(passages: readonly Passage[]): string[] {
  const words = new Set<string>();
  for (const p of passages) for (const w of p.text.match(/[\p{L}\-]*[^\x00-\x7f\s\p{P}\p{S}][\p{L}\-]*/gu) ?? []) words.add(w);
  return [...words];
}

const resources = checkoutResourcesDir();
const corpus: Corpus = await loadCorpus(resources);

describe('typesetting the bundled corpus', () => {
  it('has documents to typeset', () => {
    expect(corpus.documents.length).toBe(5);
  });

  for (const document of corpus.documents) {
    it(`reproduces the committed PDF and the recorded pages of ${document.id}`, async () => {
      const sections = corpus.sections.filter((s) => s.docId === document.id);
      const passages = corpus.passages.filter((p) => p.docId === document.id).sort((a, b) => a.order - b.order);
      const footnotes = corpus.footnotes.filter((f) => f.docId === document.id);
      const result = await typesetDocument({ document, sections, passages, footnotes });

      // The corpus records the pages the typesetter computed, and the PDF it wrote.
      expect(result.pageCount).toBe(document.pageCount);
      for (const p of passages) expect(p.page, p.id).toBe(result.passagePages[p.id]);
      for (const s of sections) expect(s.page, s.id).toBe(result.sectionPages[s.id]);
      for (const f of footnotes) if (f.page !== undefined) expect(f.page, `footnote ${f.number}`).toBe(result.footnotePages[f.number]);
      expect(document.pdf).toBeDefined();
      const committed = new Uint8Array(readFileSync(join(resources, document.pdf!)));
      expect(Buffer.from(committed).equals(Buffer.from(result.pdf)), 'committed PDF is stale: run npm run corpus').toBe(true);

      const pdf = await readPdf(result.pdf);
      expect(pdf.numPages).toBe(result.pageCount);
      expect(await pdf.pageText(1)).toContain(collapse(document.title));
      const texts = new Map<number, string>();
      const pageText = async (n: number) => {
        if (!texts.has(n)) texts.set(n, await pdf.pageText(n));
        return texts.get(n)!;
      };
      for (const p of passages.filter((q) => q.kind !== 'footnote')) {
        expect(await pageText(result.passagePages[p.id]!), `${p.id} on page ${result.passagePages[p.id]}`).toContain(opening(p));
      }
      let all = '';
      for (let n = 1; n <= pdf.numPages; n++) all += ` ${await pageText(n)}`;
      for (const word of diacriticWords(passages)) expect(all, word).toContain(word);

      const outline = await pdf.outline();
      const flat = (nodes: typeof outline): string[] => nodes.flatMap((n) => [n.title, ...flat(n.items)]);
      const expected = [...sections].sort((a, b) => Number(a.backMatter) - Number(b.backMatter) || a.order - b.order).map((s) => s.title);
      expect(flat(outline)).toEqual(expected);

      for (const f of footnotes.filter((n) => n.urls.length > 0)) {
        const urls = await pdf.linkUrls(result.footnotePages[f.number]!);
        expect(urls.length, `footnote ${f.number} has a link`).toBeGreaterThan(0);
      }
    });
  }
});
