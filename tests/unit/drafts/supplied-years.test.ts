import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CitationFormatter } from '../../../electron/core/citations/formatter';
import { exportDraftDocx } from '../../../electron/core/drafts/export/docx';
import { exportDraftHtml } from '../../../electron/core/drafts/export/html';
import { exportDraftMarkdown } from '../../../electron/core/drafts/export/markdown';
import { exportDraftBibliography } from '../../../electron/core/drafts/export/bibliography';
import type { CitationRef } from '../../../electron/core/citations/types';
import type { Draft } from '../../../electron/core/drafts/model';
import { cite, doc, draftOf, paragraph, text } from './draft-builders';
import { loadTestCorpus } from './fixture';
import { readZipEntry, wordText } from './zip';

/**
 * Three bundled papers print no year; their years are inferred from their latest dated
 * content (001: March 4, 2024; 002: the September 2024 workshop; 004: the July 17, 2025
 * roundtable). Citations must print them the way each style prints a supplied date, and
 * the two papers that do print a year (000: 2026, 003: 2024, both in their CIP records)
 * must stay plain. These years are the ones read in the texts, written out here.
 */
const corpus = loadTestCorpus();
const crisis = corpus.documentTitled(/From Crisis Management/);
const trust = corpus.documentTitled(/Building Trust/);
const brief = corpus.documentTitled(/How to Advance/);
const priorities = corpus.documentTitled(/Foreign and Security Challenges/);
const discussion = corpus.documentTitled(/Discussion of Kosovo-NATO/);
const first = (docId: string) => corpus.paragraphsOf(docId)[0]!;
const csl = path.resolve(__dirname, '../../../resources/csl');

const refTo = (id: string, docId: string, locator: string): CitationRef => ({ id, target: { kind: 'document', id: docId, docId }, locator });
const refs = [refTo('cite-1', crisis.id, '4'), refTo('cite-2', trust.id, '2'), refTo('cite-3', brief.id, '3'), refTo('cite-4', priorities.id, '9'), refTo('cite-5', discussion.id, '5')];

function draftCiting(style: Draft['style']): Draft {
  return draftOf(doc(paragraph(text('Crisis '), cite(first(crisis.id)), text(' trust '), cite(first(trust.id)), text(' brief '), cite(first(brief.id)), text(' priorities '), cite(first(priorities.id)))), style);
}

describe('supplied years in citations, per style', () => {
  it('the corpus says which years are inferred', () => {
    expect([crisis.year, trust.year, brief.year].map(String)).toEqual(['2024', '2024', '2025']);
    for (const d of [crisis, trust, brief]) expect(d.provenance?.year?.source).toBe('inferred');
    for (const d of [priorities, discussion]) expect(d.provenance?.year?.source).toBe('printed');
  });

  it('Chicago author-date brackets an inferred year in the text and the reference list', async () => {
    const result = (await CitationFormatter.create('chicago-author-date')).format(refs, corpus.sources);
    expect(result.citations.map((c) => c.text)).toEqual([
      '(Ilazi and Lumi [2024], 4)',
      '(Milićević, Peci, and Jureković [2024], 2)',
      '(Ilazi et al. [2025], 3)',
      '(Ilazi 2026, 9)',
      '(Lumi 2024, 5)',
    ]);
    const bibliography = result.bibliography.text;
    expect(bibliography).toContain('Ilazi, Ramadan, and Leureta Lumi. [2024]. “From Crisis Management');
    expect(bibliography).toContain('Pallasch. [2025]. “How to Advance Kosovo-NATO Relations?”');
    expect(bibliography).toContain('Ilazi, Ramadan. 2026. “Kosovo Foreign and Security Challenges and Priorities.”');
    expect(bibliography).not.toContain('n.d.');
  });

  it('APA prints "ca." before an estimated year, as APA 7 does', async () => {
    const result = (await CitationFormatter.create('apa')).format(refs, corpus.sources);
    expect(result.citations.map((c) => c.text)).toEqual([
      '(Ilazi & Lumi, ca. 2024, p. 4)',
      '(Milićević et al., ca. 2024, p. 2)',
      '(Ilazi et al., ca. 2025, p. 3)',
      '(Ilazi, 2026, p. 9)',
      '(Lumi, 2024, p. 5)',
    ]);
    expect(result.bibliography.text).toContain('Ilazi, R., & Lumi, L. (ca. 2024). From Crisis Management');
    expect(result.bibliography.text).toContain('Ilazi, R. (2026).');
  });

  it('Chicago notes and bibliography brackets it without the question mark of a doubtful guess', async () => {
    const result = (await CitationFormatter.create('chicago-note-bibliography')).format(refs, corpus.sources);
    // This style's notes are short (author, title, page); the year is in the bibliography.
    expect(result.citations[2]!.text).toBe('Ilazi et al., “How to Advance Kosovo-NATO Relations?” 3.');
    expect(result.bibliography.text).toContain('KCSS, [2025].');
    expect(result.bibliography.text).toContain('Austrian National Defence Academy, [2024].');
    expect(result.bibliography.text).toContain('Prishtinë: Kosovar Centre for Security Studies (KCSS); Konrad-Adenauer-Stiftung (KAS), 2026.');
    expect(result.bibliography.text).not.toMatch(/\[\d{4}\?\]/);
  });
});

describe('supplied years in every export', () => {
  it('DOCX (Chicago author-date) and HTML (APA) print what the app prints', async () => {
    const docx = wordText(readZipEntry(await exportDraftDocx(draftCiting('chicago-author-date'), { sources: corpus.sources }), 'word/document.xml')!);
    expect(docx).toContain('Ilazi et al. [2025]');
    expect(docx).toContain('Pallasch. [2025].');
    const html = await exportDraftHtml(draftCiting('apa'), { sources: corpus.sources });
    expect(html).toContain('Ilazi et al., ca. 2025');
    expect(html).toContain('(ca. 2025).');
  });

  it('Markdown + CSL-JSON: Pandoc prints the supplied year as the draft style does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supplied-years-'));
    try {
      const run = (style: Draft['style'], cslFile?: string) => {
        const exported = exportDraftMarkdown(draftCiting(style), corpus.sources, { bibliographyFile: `${style}.json` });
        writeFileSync(path.join(dir, `${style}.md`), exported.markdown);
        writeFileSync(path.join(dir, `${style}.json`), exported.bibliographyJson);
        const args = ['--citeproc', '-t', 'plain', '--wrap=none', `${style}.md`, ...(cslFile ? ['--csl', cslFile] : [])];
        const result = spawnSync('pandoc', args, { cwd: dir, encoding: 'utf8' });
        expect(result.status, result.stderr).toBe(0);
        return { out: result.stdout, items: JSON.parse(exported.bibliographyJson) as Array<{ id: string; issued?: unknown }> };
      };
      // Pandoc's default style is Chicago author-date, like the draft's.
      const chicago = run('chicago-author-date');
      expect(chicago.items.find((i) => i.id === brief.id)?.issued).toEqual({ literal: '[2025]' });
      expect(chicago.out).toContain('Ilazi et al. [2025]');
      expect(chicago.out).toContain('Ilazi 2026');
      const apa = run('apa', path.join(csl, 'apa.csl'));
      expect(apa.items.find((i) => i.id === brief.id)?.issued).toEqual({ 'date-parts': [[2025]], circa: true });
      expect(apa.out).toContain('Ilazi et al., ca. 2025');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('BibTeX keeps the year as printed for BibTeX and marks it approximate for biblatex; bibtexparser reads it', () => {
    const bib = exportDraftBibliography(draftCiting('chicago-author-date'), corpus.sources, 'bibtex');
    const parsed = spawnSync('/usr/bin/python3', ['-c', 'import sys, json, bibtexparser; print(json.dumps(bibtexparser.loads(sys.stdin.read()).entries))'], { input: bib, encoding: 'utf8' });
    expect(parsed.status, parsed.stderr).toBe(0);
    const entries = JSON.parse(parsed.stdout) as Array<Record<string, string>>;
    const byId = new Map(entries.map((e) => [e.ID, e]));
    expect(byId.get(brief.id)).toMatchObject({ year: '[2025]', date: '2025~' });
    expect(byId.get(priorities.id)).toMatchObject({ year: '2026', address: 'Prishtinë' });
    expect(byId.get(priorities.id)!.date).toBeUndefined();
  });

  it('RIS keeps the bare year in PY and says in a note that it is supplied', () => {
    const ris = exportDraftBibliography(draftCiting('apa'), corpus.sources, 'ris');
    const record = ris.split('ER  - ').find((r) => r.includes(`ID  - ${brief.id}`))!;
    expect(record).toContain('PY  - 2025\r\n');
    expect(record).toContain('N1  - The year is not printed in the work; it is supplied: ca. 2025.');
    const printed = ris.split('ER  - ').find((r) => r.includes(`ID  - ${priorities.id}`))!;
    expect(printed).toContain('PY  - 2026\r\n');
    expect(printed).toContain('CY  - Prishtinë\r\n');
    expect(printed).not.toContain('N1  -');
  });
});
