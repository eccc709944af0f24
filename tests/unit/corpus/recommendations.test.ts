import { describe, expect, it } from 'vitest';
import { DOC, parsed } from './parsed-seeds.js';

/*
 * Counted by hand, reading each paper through:
 * - 000 (KCSS 2026): section 6 sets out 17 priorities, each opening with a bold lead
 *   (FIRST ... FOURTH, then 13 more; two of them open mid-paragraph: INTERPOL, formal strategy).
 * - 001: 6 bold-lead recommendations under "Recommendations for Policymakers".
 * - 002 (RSSEE): 18 bullets under "Recommendations" (7 for the EU, NATO and US, 6 for Kosovo
 *   and Serbia, 5 for the neighbours); the 9 bullets of the executive summary restate 9 of them.
 * - 003: the numbered list of 3 in the conclusion ("These recommendations underscore ...").
 * - 004: 9 numbered recommendations.
 */
const COUNTS: Record<string, number> = {
  [DOC.priorities]: 17,
  [DOC.crisis]: 6,
  [DOC.trust]: 18,
  [DOC.discussion]: 3,
  [DOC.advance]: 9,
};

const recs = (docId: string) => parsed(docId).recommendations;

describe('recommendations', () => {
  it('are all found, numbered 1..n in each paper', () => {
    for (const [docId, count] of Object.entries(COUNTS)) {
      expect(recs(docId).map((r) => r.ordinal), docId).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
  });

  it('of the KCSS 2026 report carry their bold leads as titles', () => {
    const titles = recs(DOC.priorities).map((r) => r.title);
    expect(titles[0]).toMatch(/^FIRST, Kosovo should focus on a strategy for the north/);
    expect(titles[2]).toBe('THIRD, Kosovo should make rebuilding trust with the United States, the EU, and NATO a top priority.');
    expect(titles[3]).toMatch(/^FOURTH, Kosovo should put establishing contractual relations with NATO/);
    expect(titles[7]).toBe(
      'Kosovo can use cooperation with the European Defence Agency (EDA) as a practical way to join the EU’s defence system, instead of seeing it as something only possible after gaining membership. The EU is already moving toward more defence cooperation with the Western Balkans.',
    );
    expect(titles[13]).toBe('Kosovo should see INTERPOL membership as a long-term goal that supports its overall capabilities.');
    expect(titles[16]).toMatch(/^Kosovo should create a formal foreign and security policy strategy/);
  });

  it('split where a second bold lead opens inside a paragraph', () => {
    const [police, interpol] = [recs(DOC.priorities)[12]!, recs(DOC.priorities)[13]!];
    expect(police.title).toMatch(/^Kosovo needs to rethink its approach to international police cooperation/);
    expect(police.passageId).toBe(interpol.passageId);
    expect(police.text).toMatch(/ready for secure data exchange\.$/);
    expect(interpol.text).toMatch(/^Kosovo should see INTERPOL membership/);
  });

  it('take in the paragraphs that follow a bold lead', () => {
    const offer = recs(DOC.priorities)[9]!;
    expect(offer.title).toMatch(/^Kosovo could present a "integration and stabilisation offer"/);
    expect(offer.passageIds).toHaveLength(1);
    expect(offer.text).toContain('a Kosovo Serb becomes the commander of the regional police command for the north');
  });

  it('of the crisis paper include the lead set as a heading', () => {
    expect(recs(DOC.crisis).map((r) => r.title)).toEqual([
      'Strengthen partnerships',
      'Address the challenges of the north of Kosovo',
      'Engage the community and build trust',
      'Increase Security Fund transparency',
      'Prepare for potential destabilization',
      'NATO should officially recognize and accredit a COE in Kosovo',
    ]);
    expect(recs(DOC.crisis)[1]!.text).toContain('Develop a comprehensive strategy to reintegrate the north');
    expect(recs(DOC.crisis)[5]!.addressees).toContain('NATO');
  });

  it('of the RSSEE paper keep the addressee of their group or of the summary', () => {
    const r = recs(DOC.trust);
    const byTitle = (t: string) => r.find((x) => x.title === t)!;
    expect(byTitle('Strategic Vision and Accountability in the Dialogue Process').addressees).toEqual(['EU']);
    expect(byTitle('Security and Rule of Law Support').addressees).toEqual(['EU', 'NATO', 'US']);
    expect(byTitle('Supporting Grassroots Trust-Building Projects').addressees).toEqual(['EU', 'US']);
    expect(byTitle('Supporting Grassroots Trust-Building Projects').text).toContain('Financial and political support should be provided');
    expect(byTitle('Addressing Security in Northern Kosovo').addressees).toEqual(['Serbian government']);
    expect(byTitle('Historical Reconciliation Initiatives').addressees).toEqual(['Kosovo government', 'Serbian government']);
    expect(byTitle('Good Neighbor Relations').addressees).toEqual(['Albanian government', 'Montenegrin government', 'North Macedonian government']);
    expect(r[16]!.addressees).toEqual(['Bosnia and Herzegovina government', 'Kosovo government']);
    expect(r[17]!.title).toMatch(/^Montenegro should maintain its pro-EU foreign policy/);
  });

  it('of the RSSEE paper link each executive-summary bullet to the recommendation it restates', () => {
    const doc = parsed(DOC.trust);
    const summary = doc.passages.filter((p) => p.sectionPath[0] === 'Executive Summary of Recommendations' && p.kind === 'list-item');
    expect(summary).toHaveLength(9);
    const linked = (startsWith: string) => doc.recommendations.find((r) => r.passageIds.includes(summary.find((p) => p.text.startsWith(startsWith))!.id))?.title;
    expect(linked('EU: Defining a clear end goal')).toBe('Strategic Vision and Accountability in the Dialogue Process');
    expect(linked('EU/US: Providing financial and political support')).toBe('Supporting Grassroots Trust-Building Projects');
    expect(linked('EU/NATO/US: In order to relax')).toBe('Security and Rule of Law Support');
    expect(linked('EU/US: Supporting the establishment')).toBe('Attracting investments');
    expect(linked('Kosovo government: As part of a de-escalation')).toBe('Reintegration of Kosovo Serb community members in the Kosovo Police and Public Officials');
    expect(linked('Serbian government: Refraining')).toBe('Addressing Security in Northern Kosovo');
    expect(linked('Kosovo government/Serbian government')).toMatch(/^Establishment of permanent mechanisms/);
    expect(linked('Albanian government')).toMatch(/^Albania could play a proactive role/);
    expect(linked('Government of Bosnia and Herzegovina')).toMatch(/^Bosnia and Herzegovina and Kosovo should abolish/);
  });

  it('of the discussion paper are its closing numbered list', () => {
    const r = recs(DOC.discussion);
    expect(r[0]!.text).toMatch(/^One of the main struggles that Kosovo is having is its diplomatic efforts/);
    expect(r[1]!.text).toMatch(/^Accelerating reforms in the defense and security sectors/);
    expect(r[2]!.title).toBe('Enhancing participation in NATO programs and having a strategic partnership with NATO');
    for (const x of r) expect(x.addressees).toEqual(['Kosovo government']);
  });

  it('of the Kosovo-NATO brief are its nine numbered leads, with the text that follows each', () => {
    const r = recs(DOC.advance);
    expect(r[2]!.title).toBe('Ask for the Accreditation of a NATO Centre of Excellence in Kosovo');
    expect(r[4]!.title).toBe("Explore Options to Increase Kosovo's Access to NATO Partnership Tools through the PCM");
    expect(r[4]!.text).toMatch(/^The Partnership Cooperation Menu \(PCM\) is a catalogue/);
    expect(r[8]!.passageIds).toHaveLength(2);
    expect(r[7]!.addressees).toEqual(['Kosovo government']);
  });

  it('point at passages of their own paper', () => {
    for (const docId of Object.keys(COUNTS)) {
      const ids = new Set(parsed(docId).passages.map((p) => p.id));
      for (const r of recs(docId)) {
        expect(ids.has(r.passageId)).toBe(true);
        for (const id of r.passageIds) expect(ids.has(id)).toBe(true);
        expect(r.addressees.length).toBeGreaterThan(0);
        expect(r.text.length).toBeGreaterThan(r.title.length / 2);
      }
    }
  });
});
