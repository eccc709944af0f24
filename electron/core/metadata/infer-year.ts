import type { DateEvidence, Passage } from '../corpus/schema';
import { findDates } from '../corpus/events/dates';
import { isoPartialDate } from '../corpus/events/event-date';
import { splitSentences } from '../text/sentences';

/**
 * The year of a document that does not print one, worked out from its latest dated content:
 * a paper that reports "On July 17, 2025, KCSS organized a roundtable" was written in 2025 or
 * later. The result is a lower bound, which is why citations print it as a supplied date
 * ("[2025]", "ca. 2025") and the document keeps the sentences that justify it.
 *
 * Dates come from the corpus's own date reader (`findDates`), so "latest dated content" means
 * the same dates the timeline shows. A sentence that looks ahead ("the NATO Summit planned for
 * Tirana in 2027", "set to conclude in 2025") dates a plan, not the writing, and is skipped.
 */
export interface InferredYear {
  year: number;
  /** The sentences dated in that year, latest date first. */
  evidence: DateEvidence[];
}

const LOOKS_AHEAD = /\b(will|shall|planned|plans? to|scheduled|calendar|set to|expected|due to|upcoming|forthcoming|next year|intends? to|aims? to)\b/i;

/** At most this many sentences are kept as evidence: enough to check, few enough to read. */
const MAX_EVIDENCE = 3;

export function inferYearFromContent(passages: ReadonlyArray<Pick<Passage, 'id' | 'kind' | 'text'>>): InferredYear | undefined {
  const dated: Array<DateEvidence & { order: number }> = [];
  for (const passage of passages) {
    if (passage.kind === 'heading') continue;
    for (const sentence of splitSentences(passage.text)) {
      if (LOOKS_AHEAD.test(sentence.text)) continue;
      for (const found of findDates(sentence.text)) {
        // The reader also reads years in brackets and in front of a noun ("the 2027 summit"),
        // which name things more than they date the writing: only dates in a phrase count.
        if (found.form !== 'phrase') continue;
        dated.push({ passageId: passage.id, date: isoPartialDate(found.date), text: sentence.text.trim(), order: dated.length });
      }
    }
  }
  if (dated.length === 0) return undefined;
  const year = Math.max(...dated.map((d) => Number(d.date.slice(0, 4))));
  const seen = new Set<string>();
  const evidence = dated
    .filter((d) => Number(d.date.slice(0, 4)) === year)
    .sort((a, b) => b.date.localeCompare(a.date) || a.order - b.order)
    .filter((d) => {
      const key = `${d.passageId}\u0000${d.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_EVIDENCE)
    .map(({ passageId, date, text }) => ({ passageId, date, text }));
  return { year, evidence };
}
