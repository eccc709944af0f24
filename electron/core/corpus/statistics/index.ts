import type { Passage, Statistic } from '../schema';
import { splitSentences } from '../../text/sentences';
import { findDates } from '../events/dates';
import { findFigures, type Figure } from './figures';
import { findSource, type SourceAttribution } from './source';

export { findFigures, type Figure } from './figures';
export { findSource, type SourceAttribution } from './source';

/** Footnotes cite, headings title, back matter describes the publisher: none of them claims. */
function carriesClaims(p: Passage): boolean {
  return p.kind !== 'footnote' && p.kind !== 'heading' && !p.backMatter;
}

const SURVEY = /\b(?:survey|poll|barometer)\b/i;

function overlapsDate(figure: Figure, dates: ReadonlyArray<{ start: number; end: number }>): boolean {
  return dates.some((d) => figure.start < d.end && figure.end > d.start);
}

/**
 * Survey figures and numeric claims, each with the sentence that states it and, where the
 * sentence names them, its source and year. Survey paragraphs name the survey once and then
 * list more results ("This support is even more pronounced among the Kosovo Albanians, where
 * the approval rate soars to 99.5 percent"), so a percentage in a sentence without a source
 * takes the source of the previous sourced percentage in the same passage.
 */
export function extractStatistics(passages: Passage[]): Statistic[] {
  const statistics: Statistic[] = [];
  for (const passage of passages.filter(carriesClaims)) {
    let surveySource: SourceAttribution | undefined;
    let n = 0;
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
        n += 1;
        statistics.push({
          id: `stat-${passage.id}-${n}`,
          docId: passage.docId,
          passageId: passage.id,
          label: figure.label,
          value: figure.value,
          unit: figure.unit,
          claim: sentence.text.trim(),
          ...(attribution.source !== undefined ? { source: attribution.source } : {}),
          ...(attribution.year !== undefined ? { year: attribution.year } : {}),
        });
      }
    }
  }
  return statistics;
}
