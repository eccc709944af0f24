import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOC, parsed, seedsDir } from './parsed-seeds.js';

/*
 * Counted by hand in the sources: the KCSS 2026 report (000) carries markers <sup>1</sup> to
 * <sup>80</sup>, each once, and 80 footnote lines; the other four papers have no footnotes.
 * Footnotes 43 ("Vllasi, 2020, p. 20"), 44 and 45 ("Ibid.,") and 60 (a definition) give no
 * URL; 41 and 64 give two each; every other footnote gives one.
 */
const NO_URL = [43, 44, 45, 60];
const TWO_URLS = [41, 64];

describe('footnotes of the KCSS 2026 report', () => {
  const doc = parsed(DOC.priorities);

  it('are numbered 1 to 80 in order, none lost, none doubled', () => {
    expect(doc.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
  });

  it('keep every URL their source line gives, unescaped', () => {
    for (const f of doc.footnotes) {
      const expected = NO_URL.includes(f.number) ? 0 : TWO_URLS.includes(f.number) ? 2 : 1;
      expect(f.urls, `footnote ${f.number}`).toHaveLength(expected);
      for (const url of f.urls) expect(url, `footnote ${f.number}`).not.toMatch(/\\|[<>]/);
    }
    const url = (n: number) => doc.footnotes[n - 1]!.urls;
    expect(url(1)).toEqual(['https://www.eeas.europa.eu/eeas/kosovo-high-representative-borrell-speaks-prime-minister-kurti-and-president-vucic-24-september-2023']);
    expect(url(5)).toEqual(['https://xk.usembassy.gov/st_9122025/']);
    expect(url(21)).toEqual(['https://www.europarl.europa.eu/thinktank/en/document/EPRS_BRI(2025)779231']);
    expect(url(42)).toEqual(['https://qkss.org/images/uploads/files/Report_-_Russian_Influence_in_Kosovo_-_English_Version.pdf']);
    expect(url(64)).toEqual([
      'https://www.rferl.org/a/kosovo-indicts-banjska-attack-suspects-radoicic/33116016.html',
      'https://prishtinainsight.com/who-is-milan-radoicic-the-shadow-power-of-kosovo-serbs-mag/',
    ]);
    expect(url(80)).toEqual(['https://kosovotwopointzero.com/en/kosovo-and-the-board-of-peace']);
  });

  it('read as plain text, the way the page prints them', () => {
    expect(doc.footnotes[43]!.text).toBe('Ibid.,');
    expect(doc.footnotes[42]!.text).toBe('Vllasi, 2020, p. 20');
    expect(doc.footnotes[4]!.text).toBe('Read more at: https://xk.usembassy.gov/st_9122025/');
    expect(doc.footnotes[37]!.text).toContain('sgar25-en.pdf, p. 40');
  });

  it('are each cited by the passage that carried the marker, which no longer shows it', () => {
    const byId = new Map(doc.passages.map((p) => [p.id, p]));
    for (const f of doc.footnotes) {
      expect(f.citedBy, `footnote ${f.number}`).toHaveLength(1);
      const passage = byId.get(f.citedBy[0]!)!;
      expect(passage.footnoteRefs.map((r) => r.number)).toContain(f.number);
    }
    const first = byId.get(doc.footnotes[0]!.citedBy[0]!)!;
    const ref = first.footnoteRefs.find((r) => r.number === 1)!;
    expect(first.text.slice(0, ref.offset)).toMatch(/to be brought to justice\.$/);
    expect(first.text).not.toContain('<sup>');
  });

  it('markers inside table cells are kept with their row', () => {
    const banjska = doc.passages.find((p) => p.kind === 'table-row' && p.text.startsWith('2023\tBanjska terrorist attack'))!;
    expect(banjska.footnoteRefs.map((r) => r.number)).toEqual([31]);
    const ref = banjska.footnoteRefs[0]!;
    expect(banjska.text.slice(0, ref.offset)).toMatch(/Kosovo Foreign Ministry's report$/);
  });

  it('the source really has 80 markers and no other paper has any', () => {
    const source = readFileSync(join(seedsDir, '000_e87488ddfbf88c13.txt'), 'utf8');
    expect(source.match(/<sup>\d+<\/sup>/g)).toHaveLength(80);
    for (const id of [DOC.crisis, DOC.trust, DOC.discussion, DOC.advance]) expect(parsed(id).footnotes).toEqual([]);
  });
});
