import type { Passage, Recommendation, Section } from '../../schema.js';
import type { BuiltPassage } from '../types.js';
import { addresseesInLabel, addresseesInText } from './addressees.js';
import { firstSentence, wordCount } from '../text.js';

/**
 * Every explicit recommendation of a paper, however the paper sets them out:
 * - numbered lead headings, one recommendation each ("1 Utilize the Associated Membership ...");
 * - a recommendations (or priorities) section of bullet items, perhaps grouped by addressee
 *   ("For the EU, NATO and US:"), or of paragraphs opening with a bold lead sentence;
 * - a numbered list closing the paper ("1. ... 2. ... 3. ...").
 * An executive summary that restates them ("EU/US: ...") is linked to the recommendation it
 * summarises (its addressee label and its passage), not counted twice.
 */

interface Draft {
  title: string;
  text: string;
  passageId: string;
  passageIds: string[];
  groupLabel?: string;
}

const RECOMMENDATION_SECTION = /recommendation|prioriti[sz]e|priorities/i;
const SUMMARY = /summary/i;

export function extractRecommendations(docId: string, built: BuiltPassage[], sections: Section[]): Recommendation[] {
  const body = built.filter((b) => !b.passage.backMatter);
  const drafts = fromNumberedHeadings(body) ?? fromRecommendationSections(body, sections) ?? fromNumberedList(body) ?? [];
  linkSummary(drafts, body, sections);

  const named = drafts.map((d) => {
    let addressees = d.summaryLabel ? addresseesInLabel(d.summaryLabel) : [];
    if (addressees.length === 0) addressees = addresseesInText(d.text);
    if (addressees.length === 0 && d.groupLabel) addressees = addresseesInLabel(d.groupLabel);
    return addressees;
  });
  // An imperative with no named subject ("Develop contingency plans ...") speaks to the same
  // policymakers as the rest of its list.
  const usual = mostFrequent(named.flat());

  return drafts.map((d, index) => {
    const addressees = named[index]!.length > 0 ? named[index]! : usual ? [usual] : [];
    return {
      id: `${docId}-rec-${index + 1}`,
      docId,
      ordinal: index + 1,
      title: d.title,
      text: d.text,
      addressees,
      themes: [],
      passageId: d.passageId,
      passageIds: d.passageIds,
    };
  });
}

type DraftWithSummary = Draft & { summaryLabel?: string };

function mostFrequent(names: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: string | undefined;
  for (const [name, count] of counts) if (best === undefined || count > counts.get(best)!) best = name;
  return best;
}

/** A bold lead that runs one fragment past its last full stop ("... a top priority. This is important") ends at that stop. */
function leadTitle(lead: string): string {
  const t = lead.trim().replace(/:$/, '');
  if (/[.!?"”]$/.test(t)) return t;
  const lastStop = Math.max(t.lastIndexOf('. '), t.lastIndexOf('? '), t.lastIndexOf('! '));
  return lastStop > 0 ? t.slice(0, lastStop + 1) : t;
}

/** Lead phrase of an item ("Adherence to CFSP: The new EU ...") or, failing that, its first sentence. */
function titleOf(text: string): string {
  const colon = text.indexOf(':');
  if (colon > 0 && colon < 200 && wordCount(text.slice(0, colon)) <= 25) return text.slice(0, colon).trim();
  return firstSentence(text);
}

function fromNumberedHeadings(body: BuiltPassage[]): DraftWithSummary[] | undefined {
  const headings = body.filter((b) => b.passage.kind === 'heading' && b.number !== undefined);
  if (headings.length < 2) return undefined;
  return headings.map((h) => {
    const start = body.indexOf(h);
    const rest: Passage[] = [];
    for (const b of body.slice(start + 1)) {
      if (b.passage.kind === 'heading') break;
      rest.push(b.passage);
    }
    return {
      title: h.passage.text.replace(/^\d+\s+/, ''),
      text: rest.map((p) => p.text).join('\n\n') || h.passage.text,
      passageId: h.passage.id,
      passageIds: rest.map((p) => p.id),
    };
  });
}

function sectionAndDescendants(section: Section, sections: Section[]): Set<string> {
  const ids = new Set([section.id]);
  for (const s of sections) if (s.parentId && ids.has(s.parentId)) ids.add(s.id);
  return ids;
}

function fromRecommendationSections(body: BuiltPassage[], sections: Section[]): DraftWithSummary[] | undefined {
  const targets = sections.filter((s) => !s.backMatter && RECOMMENDATION_SECTION.test(s.title) && !SUMMARY.test(s.title));
  if (targets.length === 0) return undefined;
  const drafts: DraftWithSummary[] = [];
  for (const section of targets) {
    const ids = sectionAndDescendants(section, sections);
    const inside = body.filter((b) => b.passage.sectionId !== undefined && ids.has(b.passage.sectionId) && b.passage.kind !== 'heading');
    const items = inside.filter((b) => b.passage.kind === 'list-item');
    if (items.length > 0) {
      for (const item of items) {
        const group = sections.find((s) => s.id === item.passage.sectionId && s.id !== section.id);
        drafts.push({
          title: titleOf(item.passage.text),
          text: item.passage.text,
          passageId: item.passage.id,
          passageIds: [],
          ...(group ? { groupLabel: group.title } : {}),
        });
      }
      continue;
    }
    drafts.push(...fromBoldLeads(inside));
  }
  return drafts.length > 0 ? drafts : undefined;
}

/** Where a bold run opens a recommendation: at the start of a paragraph, or opening a sentence inside one. */
function leadStarts(b: BuiltPassage): Array<{ start: number; end: number }> {
  const text = b.passage.text;
  return b.bold.filter((s) => {
    if (s.start === 0) return true;
    const lead = text.slice(s.start, s.end);
    return /[.!?]\s$/.test(text.slice(0, s.start)) && /\b(should|must|needs? to|can|could)\b/.test(lead);
  });
}

function fromBoldLeads(inside: BuiltPassage[]): DraftWithSummary[] {
  const drafts: DraftWithSummary[] = [];
  let current: DraftWithSummary | undefined;
  for (const b of inside) {
    const leads = leadStarts(b);
    if (leads.length === 0) {
      if (current) {
        current.text += `\n\n${b.passage.text}`;
        current.passageIds.push(b.passage.id);
      }
      continue;
    }
    const text = b.passage.text;
    if (current && leads[0]!.start > 0) {
      current.text += `\n\n${text.slice(0, leads[0]!.start).trim()}`;
      current.passageIds.push(b.passage.id);
    }
    leads.forEach((lead, k) => {
      const until = leads[k + 1]?.start ?? text.length;
      current = {
        title: leadTitle(text.slice(lead.start, lead.end)),
        text: text.slice(lead.start, until).trim(),
        passageId: b.passage.id,
        passageIds: [],
      };
      drafts.push(current);
    });
  }
  return drafts;
}

function fromNumberedList(body: BuiltPassage[]): DraftWithSummary[] | undefined {
  const items = body.filter((b) => b.passage.kind === 'list-item' && b.number !== undefined);
  if (items.length < 2 || items[0]!.number !== 1) return undefined;
  return items.map((item) => ({
    title: titleOf(item.passage.text),
    text: item.passage.text,
    passageId: item.passage.id,
    passageIds: [],
  }));
}

/** Words too common in these papers to tell one recommendation from another. */
const COMMON = new Set(['that', 'with', 'from', 'this', 'these', 'their', 'other', 'into', 'which', 'should', 'kosovo', 'serbia', 'both', 'between', 'well', 'also']);

function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 3 && !COMMON.has(w)),
  );
}

/** Links each "Addressee: summary" item of an executive summary to the recommendation it restates. */
function linkSummary(drafts: DraftWithSummary[], body: BuiltPassage[], sections: Section[]): void {
  const summaries = sections.filter((s) => !s.backMatter && SUMMARY.test(s.title) && RECOMMENDATION_SECTION.test(s.title));
  for (const section of summaries) {
    for (const item of body.filter((b) => b.passage.sectionId === section.id && b.passage.kind === 'list-item')) {
      const colon = item.passage.text.indexOf(':');
      if (colon < 0) continue;
      const label = item.passage.text.slice(0, colon);
      const words = contentWords(item.passage.text.slice(colon + 1));
      let best: DraftWithSummary | undefined;
      let bestScore = 0;
      for (const d of drafts) {
        const other = contentWords(d.text);
        let shared = 0;
        for (const w of words) if (other.has(w)) shared++;
        const score = shared / words.size;
        if (score > bestScore) {
          bestScore = score;
          best = d;
        }
      }
      if (best && bestScore >= 0.3) {
        best.summaryLabel = best.summaryLabel ? `${best.summaryLabel}/${label}` : label;
        best.passageIds.push(item.passage.id);
      }
    }
  }
}
