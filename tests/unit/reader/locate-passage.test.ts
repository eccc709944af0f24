import { describe, expect, it } from 'vitest';
import { locatePassage } from '../../../renderer/src/views/reader/locate-passage';
import { joinPageText, rangeToItems } from '../../../renderer/src/views/reader/page-text';
import { bundledCorpus, paperPageTexts } from './real-papers';

const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

describe('finding a corpus passage in its PDF page', () => {
  it('finds every body paragraph of every bundled paper on the page the corpus gives it', async () => {
    const { documents, passages } = await bundledCorpus();
    for (const document of documents) {
      const pages = await paperPageTexts(document.id);
      const body = passages.filter((passage) => passage.docId === document.id && !passage.backMatter && passage.kind === 'paragraph');
      expect(body.length).toBeGreaterThan(5);
      for (const passage of body) {
        const page = pages[passage.page - 1]!;
        const found = locatePassage(page, passage.text);
        expect(found, `${passage.id} on page ${passage.page}`).toBeDefined();
        const marked = page.text.slice(found!.start, found!.end);
        // What is marked is the passage's own text, from its first word on (footnote digits aside).
        const noDigits = (text: string) => letters(text).replace(/\d/g, '');
        expect(noDigits(marked).slice(0, 30), passage.id).toBe(noDigits(passage.text).slice(0, 30));
        // It covers the whole passage, or the part it leaves out goes on overleaf.
        const whole = noDigits(passage.text);
        const covered = noDigits(marked).length;
        const rest = whole.slice(covered);
        const overleaf = noDigits(pages[passage.page]?.text ?? '');
        expect(rest.length <= whole.length * 0.02 || overleaf.includes(rest.slice(0, 40)), `${passage.id} marked ${marked.length} of ${passage.text.length}`).toBe(true);
      }
    }
  });

  it('steps over footnote numbers the PDF prints inside a sentence', () => {
    const page = joinPageText([{ str: 'measures against the country.', hasEOL: false }, { str: '4', hasEOL: false }, { str: ' The United States suspended', hasEOL: true }]);
    const found = locatePassage(page, 'measures against the country. The United States suspended');
    expect(found).toEqual({ start: 0, end: page.text.length - 1 });
    expect(rangeToItems(page, found!.start, found!.end).map((range) => range.item)).toEqual([0, 1, 2]);
  });

  it('finds nothing for a passage that is not on the page', () => {
    const page = joinPageText([{ str: 'Kosovo and NATO: a partnership in the making', hasEOL: true }]);
    expect(locatePassage(page, 'Serbia and the European Union signed an agreement')).toBeUndefined();
    expect(locatePassage(page, '')).toBeUndefined();
  });
});
