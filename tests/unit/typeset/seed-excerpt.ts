import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentSchema, type CorpusDocument, type Footnote, type FootnoteRef, type InlineLink, type Passage, type Section } from '../../../electron/core/corpus/schema';
import type { TypesetInput } from '../../../electron/core/corpus/typeset';
import { describeSeedMetadata } from '../../../electron/core/corpus/metadata';
import type { SeedMeta } from '../../../electron/core/corpus/parse/types';

/**
 * Real excerpts of the seeds, turned into parsed passages by hand: the corpus parser is written
 * in parallel, so these tests do not depend on it. The few markup rules below cover only the
 * lines picked here (<sup>n</sup> markers, [text](url) links, *emphasis*, <url> in footnotes).
 */

const seedsDir = join(import.meta.dirname, '../../../seeds');

export function seedText(prefix: string): string {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(seedsDir, file), 'utf8');
}

/** The document as the seed's metadata file describes it, with what its text prints (year, place and ISBN from the CIP record). */
export function seedDocument(prefix: string): CorpusDocument {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix) && f.endsWith('.meta.json'));
  if (!file) throw new Error(`no metadata for seed ${prefix}`);
  const meta = JSON.parse(readFileSync(join(seedsDir, file), 'utf8')) as SeedMeta;
  const printed = describeSeedMetadata(meta, seedText(prefix), []);
  return DocumentSchema.parse({ ...meta, ...printed, origin: 'bundled', pageCount: 0 });
}

/** The seed line that starts with `start` (a paragraph, in these seeds). */
export function seedLine(seed: string, start: string): string {
  const line = seed.split('\n').find((l) => l.startsWith(start));
  if (!line) throw new Error(`seed has no line starting with ${JSON.stringify(start)}`);
  return line.trimEnd();
}

export interface Marked {
  text: string;
  footnoteRefs: FootnoteRef[];
  links: InlineLink[];
}

/** Strips the seed markup the way a parser would, keeping marker and link offsets. */
export function unmark(raw: string): Marked {
  let text = '';
  const footnoteRefs: FootnoteRef[] = [];
  const links: InlineLink[] = [];
  const token = /\s*<sup>(\d+)<\/sup>|\[([^\]]+)\]\(([^)]+)\)|\*+/g;
  let last = 0;
  for (let m = token.exec(raw); m; m = token.exec(raw)) {
    text += raw.slice(last, m.index);
    if (m[1]) footnoteRefs.push({ number: Number(m[1]), offset: text.length });
    else if (m[2] && m[3]) {
      const shown = m[2].replace(/\\+_/g, '_');
      links.push({ text: shown, url: m[3], start: text.length, end: text.length + shown.length });
      text += shown;
    }
    last = m.index + m[0].length;
  }
  text += raw.slice(last);
  return { text, footnoteRefs, links };
}

export function footnoteFromSeed(seed: string, docId: string, number: number, citedBy: string[]): Footnote {
  const raw = seedLine(seed, `${number} `).slice(String(number).length + 1);
  const urls: string[] = [];
  const text = raw
    .replace(/\[[^\]]*\]\(([^)]+)\)/g, (_all, url: string) => (urls.push(url), url))
    .replace(/<(https?:[^>]+)>/g, (_all, url: string) => (urls.push(url), url));
  return { docId, number, text, urls, citedBy };
}

let order = 0;
function passage(docId: string, id: string, kind: Passage['kind'], marked: Marked, section: Section, extra: Partial<Passage> = {}): Passage {
  return {
    id,
    docId,
    sectionId: section.id,
    sectionPath: [section.title],
    kind,
    text: marked.text,
    page: 1,
    order: order++,
    footnoteRefs: marked.footnoteRefs,
    links: marked.links,
    backMatter: section.backMatter,
    ...extra,
  };
}

function section(docId: string, id: string, title: string, level: number, sectionOrder: number, extra: Partial<Section> = {}): Section {
  return { id, docId, title, level, order: sectionOrder, page: 1, backMatter: false, ...extra };
}

const plain = (text: string): Marked => ({ text, footnoteRefs: [], links: [] });

/** "Kosovo Foreign and Security Challenges and Priorities" (seed 000), a dozen passages long. */
export function challengesExcerpt(): TypesetInput {
  order = 0;
  const seed = seedText('000_');
  const document = seedDocument('000_');
  const docId = document.id;
  const exec = section(docId, 's-executive-summary', '1. EXECUTIVE SUMMARY', 1, 0);
  const tracing = section(docId, 's-process-tracing', '3. PROCESS TRACING MAJOR SECURITY AND FOREIGN POLICY RELATED DEVELOPMENTS FROM 2021 TO 2025 AS A CONTEXT SETTING', 1, 1);
  const challenges = section(docId, 's-main-challenges', "5. KOSOVO'S MAIN SECURITY AND FOREIGN POLICY CHALLENGES", 1, 2);
  const foreign = section(docId, 's-foreign-policy', '5.2 Foreign policy challenges', 2, 3, { parentId: challenges.id });
  const priorities = section(docId, 's-priorities', '6. WHAT KOSOVO SHOULD PRIORITIZE IN ITS FOREIGN AND SECURITY POLICY', 1, 4);
  const design = section(docId, 's-design', 'DESIGN AND LAYOUT BY:', 1, 5, { backMatter: true });
  const about = section(docId, 's-about-kcss', 'About KCSS', 1, 6, { backMatter: true });

  const heading = (s: Section) => passage(docId, `${s.id}-h`, 'heading', plain(s.title), s, { level: s.level });
  const para = (id: string, s: Section, start: string, kind: Passage['kind'] = 'paragraph') => passage(docId, id, kind, unmark(seedLine(seed, start)), s);
  const rows = [191, 192, 193, 199, 200, 202].map((n) => seed.split('\n')[n - 1]!);

  const passages: Passage[] = [
    heading(exec),
    para('p-recent-years', exec, 'In recent years, events'),
    para('p-second-development', exec, 'The second development was'),
    passage(docId, 'q-hideous', 'quote', plain('hideous and cowardly terrorist attack against Kosovo Police officers'), exec),
    para('p-changed-realities', exec, 'These developments changed realities'),
    heading(tracing),
    para('p-washington', tracing, 'In 2020, the economic normalization'),
    para('p-turkiye', tracing, 'increased budget for defense'),
    passage(docId, 'p-table-caption', 'paragraph', unmark(seedLine(seed, '**TABLE 1:**')), tracing),
    ...rows.map((raw, i) => {
      const m = unmark(raw);
      return passage(docId, `t-row-${i}`, 'table-row', m, tracing, { cells: m.text.split('\t') });
    }),
    heading(challenges),
    heading(foreign),
    para('p-symbolic', foreign, 'symbolic but has direct security'),
    para('p-silent-footprint', foreign, 'China poses a different kind'),
    heading(priorities),
    para('l-first', priorities, '**FIRST, Kosovo should focus', 'list-item'),
    para('l-second', priorities, '**SECOND, Kosovo should see', 'list-item'),
    heading(design),
    para('b-email', design, 'Email: [brandvision'),
    passage(docId, 'b-cip', 'paragraph', plain('Katalogimi në botim – (CIP) Biblioteka Kombëtare e Kosovës “Pjetër Bogdani”'), design),
    heading(about),
    para('b-about', about, 'Established in April 2008'),
  ];
  const citing = (n: number) => passages.filter((p) => p.footnoteRefs.some((r) => r.number === n)).map((p) => p.id);
  const cited = [...new Set(passages.flatMap((p) => p.footnoteRefs.map((r) => r.number)))].sort((a, b) => a - b);
  // Footnote 15 is cited by no passage of the excerpt: it must come out as an endnote.
  const footnotes = [...cited, 15].sort((a, b) => a - b).map((n) => footnoteFromSeed(seed, docId, n, citing(n)));
  return { document, sections: [exec, tracing, challenges, foreign, priorities, design, about], passages, footnotes };
}

/** "From Crisis Management to Stability and Integration" (seed 001): a short brief with the Serbian place names. */
export function crisisExcerpt(): TypesetInput {
  order = 0;
  const seed = seedText('001_');
  const document = seedDocument('001_');
  const docId = document.id;
  const intro = section(docId, 's-introduction', 'Introduction', 1, 0);
  const landscape = section(docId, 's-evolving-landscape', "Kosovo's Evolving Security Landscape", 1, 1);
  const para = (id: string, s: Section, start: string) => passage(docId, id, 'paragraph', unmark(seedLine(seed, start)), s);
  const passages = [
    passage(docId, 'h-intro', 'heading', plain(intro.title), intro, { level: 1 }),
    para('p-growing', intro, 'Growing ethnic tensions'),
    passage(docId, 'h-landscape', 'heading', plain(landscape.title), landscape, { level: 1 }),
    para('p-situation', landscape, "Kosovo's security situation remains"),
    para('p-warnings', landscape, 'There were other warnings'),
  ];
  return { document, sections: [intro, landscape], passages, footnotes: [] };
}
