import type { Entity, Mention, Passage, Statistic } from '../schema';
import { splitSentences } from '../../text/sentences';
import { findDates, type DateExpression } from '../events/dates';
import { findFigures, type Figure } from './figures';
import { findSource, type SourceAttribution } from './source';
import { entityOf, measureOf, unitClass } from './subject';

export { findFigures, type Figure } from './figures';
export { findSource, type SourceAttribution } from './source';
export { isDatedMeasure, unitClass } from './subject';

/** Footnotes cite, headings title, back matter describes the publisher: none of them claims. */
function carriesClaims(p: Passage): boolean {
  return p.kind !== 'footnote' && p.kind !== 'heading' && !p.backMatter;
}

const SURVEY = /\b(?:survey|poll|barometer)\b/i;

function overlapsDate(figure: Figure, dates: ReadonlyArray<{ start: number; end: number }>): boolean {
  return dates.some((d) => figure.start < d.end && figure.end > d.start);
}

/** The date a figure refers to: one right after it ("€900 million in 2025"), else the last before it in its sentence, else after, else the passage's last date so far. */
function asOfDate(figure: Figure, dates: readonly DateExpression[], lastDate: string | undefined): string | undefined {
  const usable = dates.filter((d) => d.lead !== 'since' && (d.lead !== 'from' || d.date.includes('/')));
  const right = usable.find((d) => d.start >= figure.end && d.start - figure.end <= 15);
  return right?.date ?? usable.filter((d) => d.end <= figure.start).at(-1)?.date ?? usable.find((d) => d.start >= figure.end)?.date ?? lastDate;
}

/**
 * Survey figures and numeric claims, each with the sentence that states it and, where the
 * sentence names them, its source and year, whose figure it is, what it measures and the date
 * it refers to. Survey paragraphs name the survey once and then list more results ("This
 * support is even more pronounced among the Kosovo Albanians, where the approval rate soars to
 * 99.5 percent"), so a percentage in a sentence without a source takes the source of the
 * previous sourced percentage in the same passage.
 */
export function extractStatistics(passages: readonly Passage[], mentions: readonly Mention[] = [], entities: readonly Entity[] = []): Statistic[] {
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const mentionsByPassage = new Map<string, Mention[]>();
  const passagesByEntity = new Map<string, Set<string>>();
  for (const m of mentions) {
    (mentionsByPassage.get(m.passageId) ?? mentionsByPassage.set(m.passageId, []).get(m.passageId))?.push(m);
    (passagesByEntity.get(m.entityId) ?? passagesByEntity.set(m.entityId, new Set()).get(m.entityId))?.add(m.passageId);
  }
  const passageCount = (entityId: string) => passagesByEntity.get(entityId)?.size ?? 0;
  const statistics: Statistic[] = [];
  for (const passage of passages.filter(carriesClaims)) {
    let surveySource: SourceAttribution | undefined;
    // A chronology row's year dates what the row says.
    let lastDate = passage.kind === 'table-row' && /^(?:19|20)\d{2}$/.test(passage.cells?.[0]?.trim() ?? '') ? passage.cells?.[0]?.trim() : undefined;
    let n = 0;
    const choice = { mentions: mentionsByPassage.get(passage.id) ?? [], entityById, passageCount };
    for (const sentence of splitSentences(passage.text)) {
      const dates = findDates(sentence.text);
      const figures = findFigures(sentence.text).filter((f) => !overlapsDate(f, dates));
      const own = findSource(sentence.text);
      // A sentence that names a survey, with or without a figure of its own, sets the source
      // for the percentages that follow it in the passage.
      if (own.source !== undefined && (SURVEY.test(sentence.text) || figures.some((f) => f.unit === 'percent'))) surveySource = own;
      for (const figure of figures) {
        const inherited = figure.unit === 'percent' && own.source === undefined ? surveySource : undefined;
        const attribution = inherited ?? own;
        const measure = measureOf(sentence.text, figure);
        const entityId = entityOf(sentence, figure, measure, choice);
        const asOf = asOfDate(figure, dates, lastDate);
        n += 1;
        statistics.push({
          id: `stat-${passage.id}-${n}`,
          docId: passage.docId,
          passageId: passage.id,
          label: figure.label,
          value: figure.value,
          unit: unitClass(figure.unit),
          measure,
          claim: sentence.text.trim(),
          ...(entityId !== undefined ? { entityId } : {}),
          ...(asOf !== undefined ? { asOf } : {}),
          ...(attribution.source !== undefined ? { source: attribution.source } : {}),
          ...(attribution.year !== undefined ? { year: attribution.year } : {}),
        });
      }
      lastDate = dates.filter((d) => d.lead !== 'since' && (d.lead !== 'from' || d.date.includes('/'))).at(-1)?.date ?? lastDate;
    }
  }
  return statistics;
}
