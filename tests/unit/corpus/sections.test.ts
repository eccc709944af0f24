import { describe, expect, it } from 'vitest';
import { DOC, parsed } from './parsed-seeds.js';

/** Section titles of the body, in order, read off each paper (its table of contents where it has one). */
const BODY_SECTIONS: Record<string, Array<[number, string]>> = {
  [DOC.priorities]: [
    [1, '1. EXECUTIVE SUMMARY'],
    [1, '2. INTRODUCTION'],
    [1, '3. PROCESS TRACING MAJOR SECURITY AND FOREIGN POLICY RELATED DEVELOPMENTS FROM 2021 TO 2025 AS A CONTEXT SETTING'],
    [1, '4. THE STRATEGIC CONTEXT'],
    [1, "5. KOSOVO'S MAIN SECURITY AND FOREIGN POLICY CHALLENGES"],
    [2, '5.1. Security challenges'],
    [2, '5.2. Foreign policy challenges'],
    [1, '6. WHAT KOSOVO SHOULD PRIORITIZE IN ITS FOREIGN AND SECURITY POLICY'],
    [1, '7. CONCLUSION'],
  ],
  [DOC.crisis]: [
    [1, 'Introduction'],
    [1, "Kosovo's Evolving Security Landscape"],
    [2, "Challenges in Kosovo's Policing"],
    [2, 'Kosovo Security Force, NATO, and Regional Stability'],
    [1, 'Conclusion'],
    [1, 'Recommendations for Policymakers'],
  ],
  [DOC.trust]: [
    [1, 'Executive Summary of Recommendations'],
    [1, 'Situation Analysis: Kosovo-Serbia Relations and Regional Security Challenges'],
    [1, 'Recommendations'],
    [2, 'For the EU, NATO and US'],
    [2, 'For Kosovo and Serbia'],
    [2, 'For Neighboring Countries'],
  ],
  [DOC.discussion]: [
    [1, 'Introduction'],
    [1, 'The Complex Dynamics of NATO–Kosovo Relations: Security, Support, and Unfulfilled Aspirations'],
    [1, 'NATO’s Accession Process and Kosovo’s Efforts for Integration'],
    [1, 'Case Studies: Regional Examples'],
    [1, 'Examining Kosovo’s options for advanced relations with NATO'],
    [1, 'The Adriatic Charter’s Role in Paving the Path to NATO Membership'],
    [1, 'Elevating Kosovo’s Role in NATO through a Center of Excellence'],
    [1, 'Navigating the Landscape of NATO Centers of Excellence for Kosovo'],
    [1, 'Becoming a member'],
    [1, 'Another option for Kosovo is to pursue greater cooperation with NATO member states'],
    [1, 'Conclusion'],
  ],
  [DOC.advance]: [
    [1, '1 Utilize the Associated Membership in the NATO Parliamentary Assembly'],
    [1, '2 Propose the Creation of a NATO–Kosovo High-Level Political Dialogue'],
    [1, '3 Ask for the Accreditation of a NATO Centre of Excellence in Kosovo'],
    [1, '4 Pursue Observer/Affiliation Status in Existing NATO Centres of Excellence'],
    [1, "5 Explore Options to Increase Kosovo's Access to NATO Partnership Tools through the PCM"],
    [1, '6 Increase Participation in NATO Joint Exercises'],
    [1, '7 Protect and Strengthen the Military-to-Military Track'],
    [1, '8 Maintain Responsible and Coordinated Public Communication on Security Matters'],
    [1, '9 Promote the Use of the "Silence Procedure" to Advance Technical Cooperation'],
  ],
};

describe('sections', () => {
  for (const [docId, expected] of Object.entries(BODY_SECTIONS)) {
    it(`of ${docId} come in the paper's order with their levels`, () => {
      const body = parsed(docId).sections.filter((s) => !s.backMatter);
      expect(body.map((s) => [s.level, s.title])).toEqual(expected);
    });
  }

  it('are ordered, and nested under their parent', () => {
    for (const docId of Object.keys(BODY_SECTIONS)) {
      const sections = parsed(docId).sections;
      expect(sections.map((s) => s.order)).toEqual(sections.map((_, i) => i));
    }
    const priorities = parsed(DOC.priorities).sections;
    const five = priorities.find((s) => s.title.startsWith('5. '))!;
    expect(priorities.filter((s) => s.parentId === five.id).map((s) => s.title)).toEqual(['5.1. Security challenges', '5.2. Foreign policy challenges']);
  });

  it('give each passage its section path', () => {
    const passage = parsed(DOC.trust).passages.find((p) => p.text.startsWith('Adherence to CFSP'))!;
    expect(passage.sectionPath).toEqual(['Recommendations', 'For the EU, NATO and US']);
    const heading = parsed(DOC.priorities).passages.find((p) => p.kind === 'heading' && p.text === '5.1. Security challenges')!;
    expect(heading.level).toBe(2);
  });

  it('leave the table of contents out of the body', () => {
    for (const docId of [DOC.priorities, DOC.discussion]) {
      for (const p of parsed(docId).passages) {
        expect(p.text).not.toMatch(/table of contents/i);
        expect(p.text).not.toMatch(/\t\d+$/);
      }
    }
  });

  it('keep the front colophon, CIP data and "About" pages as back matter', () => {
    const back = (id: string) => parsed(id).sections.filter((s) => s.backMatter).map((s) => s.title);
    expect(back(DOC.priorities)).toEqual([
      'PUBLISHED BY', 'AUTHOR', 'ACKNOWLEDGEMENT', 'DESIGN AND LAYOUT BY',
      'PUBLISHED BY', 'AUTHORS', 'ACKNOWLEDGEMENT', 'DESIGN AND LAYOUT BY',
      'Katalogimi në botim – (CIP)', 'About KCSS', 'About KAS',
    ]);
    expect(back(DOC.discussion)).toEqual(['Katalogimi në botim – (CIP)', 'ABOUT KCSS']);
  });
});
