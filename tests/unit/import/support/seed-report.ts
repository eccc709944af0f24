import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ReportSection, ReportSpec } from './report-pdf.js';

/**
 * A long report spec made of the real policy-paper texts in ../shared/seeds: their
 * paragraphs, cleaned of the extraction debris they carry (markup, line-end hyphens),
 * repeated until the text fills about `targetPages` pages.
 */
export async function seedReportSpec(seedsDir: string, targetPages: number): Promise<ReportSpec> {
  const files = (await fs.readdir(seedsDir)).filter((f) => f.endsWith('.txt')).sort();
  const paragraphs: string[] = [];
  for (const file of files) {
    const raw = await fs.readFile(path.join(seedsDir, file), 'utf8');
    for (const block of raw.split(/\n\s*\n/)) {
      const text = block
        .replace(/<[^>]+>/g, '')
        .replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2')
        .replace(/^\s*(#+|[•*-])\s*/gm, '')
        .replace(/\s+/g, ' ')
        .trim();
      // Prose only: headings, list fragments and table rows make poor benchmark text.
      if (text.length >= 200 && /[.!?]$/.test(text) && !text.includes('\t')) paragraphs.push(text);
    }
  }
  // About 4,000 characters fill a page of the report layout (measured: 945,000 made 232 pages).
  const targetChars = targetPages * 4050;
  const sections: ReportSection[] = [];
  let chars = 0;
  for (let i = 0; chars < targetChars; i++) {
    const group = Array.from({ length: 5 }, (_, k) => paragraphs[(i * 5 + k) % paragraphs.length]!);
    const words = group[0]!.split(' ').slice(0, 5).join(' ').replace(/[.,;:]$/, '');
    sections.push({ heading: `${i + 1}. ${words}`, paragraphs: group });
    chars += group.reduce((n, p) => n + p.length, 0);
  }
  return {
    title: 'Kosovo Security and Foreign Policy: Collected Papers',
    authors: ['Field Workbench Benchmark'],
    runningHeader: 'Kosovo Security and Foreign Policy — Collected Papers',
    sections,
  };
}
