import type { Footnote, Passage, Section } from '../schema';

/** What the typesetter draws, in the order it draws it. */
export type Block =
  | { type: 'heading'; level: number; passage?: Passage; section?: Section; title: string }
  | { type: 'text'; passage: Passage }
  | { type: 'table'; rows: Passage[] }
  /** A footnote that no passage cites, printed as an endnote under "Notes". */
  | { type: 'endnote'; footnote: Footnote }
  | { type: 'notesHeading' }
  | { type: 'pageBreak' };

/**
 * Puts the passages in reading order: the body first, then the back matter (colophon, "About
 * KCSS") on a page of its own. Consecutive table rows become one table. Every section gets a
 * heading: its own heading passage where the parser found one, otherwise its title.
 */
export function readingOrder(passages: readonly Passage[], sections: readonly Section[], footnotes: readonly Footnote[]): Block[] {
  const sorted = [...passages].sort((a, b) => a.order - b.order);
  const body = sorted.filter((p) => !p.backMatter);
  const back = sorted.filter((p) => p.backMatter);
  const orderedSections = [...sections].sort((a, b) => a.order - b.order);

  const headingOf = new Map<string, Passage>();
  for (const p of sorted) {
    if (p.kind === 'heading' && p.sectionId && !headingOf.has(p.sectionId)) headingOf.set(p.sectionId, p);
  }
  // Sections without a heading passage get their title drawn before their first passage, or,
  // if they have none, before the next section that does.
  const firstPassageOf = new Map<string, Passage>();
  for (const p of sorted) if (p.sectionId && !firstPassageOf.has(p.sectionId)) firstPassageOf.set(p.sectionId, p);
  const synthetic = new Map<string, Section[]>();
  const trailing: { body: Section[]; back: Section[] } = { body: [], back: [] };
  let waiting: Section[] = [];
  for (const section of orderedSections) {
    if (headingOf.has(section.id)) {
      const anchor = headingOf.get(section.id)!;
      if (waiting.length > 0) synthetic.set(anchor.id, [...(synthetic.get(anchor.id) ?? []), ...waiting]);
      waiting = [];
      continue;
    }
    waiting.push(section);
    const first = firstPassageOf.get(section.id);
    if (first) {
      synthetic.set(first.id, [...(synthetic.get(first.id) ?? []), ...waiting]);
      waiting = [];
    }
  }
  for (const s of waiting) (s.backMatter ? trailing.back : trailing.body).push(s);

  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const toBlocks = (part: readonly Passage[], tail: readonly Section[]): Block[] => {
    const blocks: Block[] = [];
    for (const p of part) {
      for (const s of synthetic.get(p.id) ?? []) blocks.push({ type: 'heading', level: s.level, section: s, title: s.title });
      const last = blocks[blocks.length - 1];
      if (p.kind === 'heading') {
        const section = p.sectionId && headingOf.get(p.sectionId) === p ? sectionById.get(p.sectionId) : undefined;
        blocks.push({ type: 'heading', level: p.level ?? section?.level ?? 2, passage: p, title: p.text, ...(section ? { section } : {}) });
      } else if (p.kind === 'table-row') {
        if (last?.type === 'table') last.rows.push(p);
        else blocks.push({ type: 'table', rows: [p] });
      } else {
        blocks.push({ type: 'text', passage: p });
      }
    }
    for (const s of tail) blocks.push({ type: 'heading', level: s.level, section: s, title: s.title });
    return blocks;
  };

  const cited = new Set(passages.flatMap((p) => p.footnoteRefs.map((r) => r.number)));
  const uncited = [...footnotes].sort((a, b) => a.number - b.number).filter((f) => !cited.has(f.number));

  const blocks = toBlocks(body, trailing.body);
  if (uncited.length > 0) {
    blocks.push({ type: 'notesHeading' });
    for (const footnote of uncited) blocks.push({ type: 'endnote', footnote });
  }
  const backBlocks = toBlocks(back, trailing.back);
  if (backBlocks.length > 0) blocks.push({ type: 'pageBreak' }, ...backBlocks);
  return blocks;
}
