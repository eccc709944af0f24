import { describe, expect, it } from 'vitest';
import { DOC, body, parsed, parsedSeeds } from './parsed-seeds.js';

const allPassages = () => [...parsedSeeds().values()].flatMap((d) => d.passages);
const containing = (docId: string, s: string) => parsed(docId).passages.filter((p) => p.text.includes(s));

describe('passage text', () => {
  it('carries no HTML tag, markdown marker or escape', () => {
    for (const p of allPassages()) {
      expect(p.text, p.id).not.toMatch(/<\/?(sup|b|p|i|em|strong|br)\b[^>]*>/i);
      expect(p.text, p.id).not.toContain('**');
      expect(p.text, p.id).not.toMatch(/^#/);
      expect(p.text, p.id).not.toMatch(/(^|\s)\*|\*($|\s)/);
      expect(p.text, p.id).not.toMatch(/\]\(|\\[_()[\]]/);
      expect(p.text, p.id).not.toMatch(/^-{3,}$/);
    }
  });

  it('leaves running headers and page furniture out of the body', () => {
    for (const p of body(DOC.trust)) expect(p.text).not.toContain('Austrian National Defence Academy');
    for (const p of parsed(DOC.crisis).passages) expect(p.text).not.toContain('Navigating Kosovo');
    // The crisis paper's running header fell inside a sentence; the sentence reads on without it.
    expect(containing(DOC.crisis, 'underscore the nuanced nature of regional security issues')).toHaveLength(1);
    for (const p of parsed(DOC.discussion).passages) {
      expect(p.text).not.toMatch(/^A DISCUSSION OF KOSOVO-NATO/);
      expect(p.text).not.toBe('KCSS');
      expect(p.text).not.toMatch(/^\d \d{6} \d{6}$/); // the ISBN barcode
    }
    for (const p of parsed(DOC.priorities).passages) expect(p.text).not.toBe('KOSOVO FOREIGN AND SECURITY CHALLENGES AND PRIORITIES');
    for (const p of parsed(DOC.advance).passages) expect(p.text).not.toMatch(/^By: /);
  });

  it('rejoins paragraphs the page broke, with the footnotes of that page lifted out', () => {
    expect(containing(DOC.advance, 'NATO decision-makers and provides direct opportunities')).toHaveLength(1);
    expect(containing(DOC.priorities, 'treat these networks as merely political intermediaries. Instead')).toHaveLength(1);
    expect(containing(DOC.priorities, 'Kosovo Security Force (KSF) from participation in the')).toHaveLength(1);
    expect(containing(DOC.crisis, 'serve the strategic interests of Russia, aligning')).toHaveLength(1);
    // A link split over a page break in the discussion paper.
    expect(containing(DOC.discussion, "the Nordic countries' commitment to enhancing Kosovo's military capabilities.")).toHaveLength(1);
  });

  it('moves a photo caption out of the sentence it interrupted', () => {
    const [paragraph] = containing(DOC.crisis, 'A majority of Kosovo Serbs, approximately 60%, indicate little or no trust at all.');
    expect(paragraph).toBeDefined();
    const caption = containing(DOC.crisis, '(Olsi Shehu / Anadolu via Getty Images)')[0]!;
    expect(caption.order).toBe(paragraph!.order + 1);
  });

  it('comes out as many paragraphs, items and headings as the paper has (counted by hand)', () => {
    const kinds = (docId: string) => {
      const counts: Record<string, number> = {};
      for (const p of parsed(docId).passages) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
      return counts;
    };
    // 9 summary bullets + 18 recommendation bullets; 8 paragraphs of analysis + the credits.
    expect(kinds(DOC.trust)).toEqual({ heading: 6, 'list-item': 27, paragraph: 9 });
    // The introduction, then one paragraph under each of the 9 leads and a second under the last.
    expect(kinds(DOC.advance)).toEqual({ heading: 9, paragraph: 11 });
  });

  it('mends hyphenation splits and keeps real hyphens', () => {
    expect(containing(DOC.trust, 'unresolved ethnic tensions, historical grievances, and the complex geopolitics of the Western Balkans')).toHaveLength(1);
    expect(containing(DOC.trust, 'led by the European Union under Josep Borrell')).toHaveLength(1);
    expect(containing(DOC.trust, 'the long-term reliance on KFOR is unsustainable as it')).toHaveLength(1);
    expect(containing(DOC.trust, 'accompanied by a comprehensive de-escalation plan')).toHaveLength(1);
    expect(containing(DOC.trust, 'EU-facilitated dialogue between Kosovo and Serbia, which has failed')).toHaveLength(1);
    for (const p of parsed(DOC.trust).passages) expect(p.text).not.toMatch(/\p{L}- \p{Ll}/u);
  });

  it('puts back hyphens the extraction glued away, where the paper spells the compound with one', () => {
    expect(containing(DOC.priorities, 'reciprocal vehicle license-plate regulations')).toHaveLength(1);
    expect(containing(DOC.priorities, 'the post-Banjska environment')).toHaveLength(1);
    expect(containing(DOC.priorities, 'an EU-brokered agreement')).toHaveLength(1);
    expect(containing(DOC.priorities, 'licenseplate')).toHaveLength(0);
  });

  it('keeps real links with their offsets and drops targets lost in extraction', () => {
    const email = containing(DOC.priorities, 'Email: brandvision.rks@gmail.com')[0]!;
    expect(email.links).toEqual([{ text: 'brandvision.rks@gmail.com', url: 'mailto:brandvision.rks@gmail.com', start: 7, end: 32 }]);
    expect(email.text.slice(7, 32)).toBe('brandvision.rks@gmail.com');
    const roundtable = containing(DOC.advance, 'KCSS organized a roundtable discussion with experts')[0]!;
    expect(roundtable.links).toEqual([]);
    for (const p of allPassages()) for (const l of p.links) expect(p.text.slice(l.start, l.end)).toBe(l.text);
  });

  it('marks interview quotes as quotes', () => {
    const quotes = parsed(DOC.priorities).passages.filter((p) => p.kind === 'quote');
    expect(quotes).toHaveLength(3);
    expect(quotes[0]!.text).toMatch(/^"In my view, the predominant challenges/);
    expect(quotes[0]!.text).toMatch(/\(Interview with senior government official, March, 2026\)$/);
  });
});

describe('table of developments in the KCSS 2026 report', () => {
  const rows = () => parsed(DOC.priorities).passages.filter((p) => p.kind === 'table-row');

  it('has its header once and its 15 rows, each with three cells', () => {
    const r = rows();
    expect(r).toHaveLength(16);
    expect(r[0]!.cells).toEqual(['Year', 'Developments', 'Security / foreign-policy impact']);
    expect(r.slice(1).map((x) => x.cells![0])).toEqual([
      '2020', '2020', '2021', '2021', '2022', '2022', '2022', '2022', '2023', '2023', '2023', '2024', '2024', '2025', '2025',
    ]);
    for (const x of r) {
      expect(x.cells).toHaveLength(3);
      expect(x.text).toBe(x.cells!.join('\t'));
    }
  });

  it('puts the continuation line of the Banjska row into its impact cell', () => {
    const banjska = rows().find((x) => x.cells![1]!.startsWith('Banjska terrorist attack'))!;
    expect(banjska.cells![2]).toMatch(/^This was the most serious organized security incident in Kosovo/);
    expect(banjska.cells![2]).toMatch(/yet he remains free in Serbia\.$/);
  });
});

describe('back matter', () => {
  it('is kept, apart from the body', () => {
    const about = containing(DOC.priorities, 'The Konrad-Adenauer-Stiftung is a German political foundation')[0]!;
    expect(about.backMatter).toBe(true);
    expect(about.sectionPath).toEqual(['About KAS']);
    const cip = containing(DOC.discussion, 'A discussion of Kosovo-Nato : relations and prospects for greater cooperation / Leureta Lumi.')[0]!;
    expect(cip.backMatter).toBe(true);
    for (const name of ['Ramadan Ilazi is currently serves as the head of research', 'Leureta Lumi is a researcher']) {
      const bio = containing(DOC.crisis, name)[0]!;
      expect(bio.backMatter).toBe(true);
      expect(bio.sectionPath).toEqual([]);
    }
    expect(containing(DOC.trust, 'They were prepared by Miodrag Milićević')[0]!.backMatter).toBe(true);
    const bio = containing(DOC.priorities, 'Ramadan Ilazi currently serves as the Head of Research')[0]!;
    expect(bio.backMatter).toBe(true);
  });

  it('begins where the body ends', () => {
    const lastOfBody: Record<string, RegExp> = {
      [DOC.priorities]: /^This matters more in the current global context/,
      [DOC.crisis]: /^NATO should officially recognize and accredit a COE in Kosovo:/,
      [DOC.trust]: /^Montenegro should maintain its pro-EU foreign policy/,
      [DOC.discussion]: /^These recommendations underscore the importance/,
      [DOC.advance]: /^This allows Allies to acquiesce/,
    };
    for (const [docId, last] of Object.entries(lastOfBody)) {
      const passages = parsed(docId).passages;
      const lastBody = passages.filter((p) => !p.backMatter).at(-1)!;
      expect(lastBody.text, docId).toMatch(last);
      expect(passages.slice(lastBody.order + 1).every((p) => p.backMatter), docId).toBe(true);
    }
    expect(body(DOC.priorities).some((p) => p.text.includes('Brand Vision Shpk'))).toBe(false);
  });
});
