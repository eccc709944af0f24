import type { Footnote, Passage } from '../schema.js';
import type { Block } from './types.js';
import { cleanInline } from './inline.js';

/**
 * Footnote lines ("12 Read more at: <https://...>") become Footnotes: the text as a reader sees
 * it, every URL it gives (markdown escapes undone), and the passages whose markers cite it.
 */
export function buildFootnotes(docId: string, lines: Block[], passages: Passage[]): Footnote[] {
  const citedBy = new Map<number, string[]>();
  for (const p of passages) {
    for (const ref of p.footnoteRefs) {
      const list = citedBy.get(ref.number) ?? [];
      if (!list.includes(p.id)) list.push(p.id);
      citedBy.set(ref.number, list);
    }
  }
  return lines.map((line) => {
    const cleaned = cleanInline(line.raw);
    const urls: string[] = [];
    for (const link of cleaned.links) if (!urls.includes(link.url)) urls.push(link.url);
    for (const m of cleaned.text.matchAll(/https?:\/\/\S+/g)) {
      const url = m[0].replace(/[.,;]+$/, '');
      if (!urls.some((u) => u === url || u.startsWith(url))) urls.push(url);
    }
    return {
      docId,
      number: line.number!,
      text: cleaned.text,
      urls,
      citedBy: citedBy.get(line.number!) ?? [],
    };
  });
}
