import type { CorpusIndex } from '../corpus/corpus-index';
import { toCsv, type CsvOptions } from '../text/csv';
import type { EvidenceEvent } from './events';
import type { FigureGroup } from './figures';
import type { EntityNetwork } from './network';

/** Text for a download: the renderer hands it to the browser's save, the CLI prints or writes it. */
export interface EvidenceFile {
  fileName: string;
  mimeType: string;
  text: string;
  count: number;
}

/** Through the workbench's one CSV writer: RFC 4180, formula cells neutralised, a BOM for Excel when asked. */
const csv = (fileName: string, text: string, count: number): EvidenceFile => ({ fileName, mimeType: 'text/csv', text, count });

/** One row per event and paper, so a spreadsheet can count sources. */
export function eventsCsv(events: readonly EvidenceEvent[], options: CsvOptions = {}): EvidenceFile {
  const rows = events.flatMap((e) =>
    e.sources.map((s) => [e.id, e.date, e.dateLabel, e.precision, e.start, e.end, e.kind, e.title, s.docTitle, s.passageIds.join(' '), s.quotes.map((q) => q.text).join(' | ')]),
  );
  return csv('events.csv', toCsv([['event', 'date', 'date as written', 'precision', 'from', 'to', 'kind', 'title', 'paper', 'passages', 'quotes'], ...rows], options), events.length);
}

/** One row per figure, with its group, so differing values sit on adjacent rows. */
export function figuresCsv(groups: readonly FigureGroup[], corpus: CorpusIndex, options: CsvOptions = {}): EvidenceFile {
  const title = (docId: string) => (corpus.hasDocument(docId) ? corpus.document(docId).title : docId);
  const rows = groups.flatMap((g) => g.figures.map((f) => [g.subject, g.differ ? 'yes' : 'no', title(f.docId), f.label, f.value, f.unit, f.asOf ?? '', f.passageId, f.claim]));
  return csv('figures.csv', toCsv([['measure', 'papers differ', 'paper', 'figure', 'value', 'unit', 'as of', 'passage', 'sentence'], ...rows], options), groups.length);
}

/** The edge list, which every network tool reads (Gephi, R, pandas). */
export function networkCsv(network: EntityNetwork, options: CsvOptions = {}): EvidenceFile {
  const label = new Map(network.nodes.map((n) => [n.id, n.label]));
  const rows = network.edges.map((e) => [e.source, label.get(e.source), e.target, label.get(e.target), e.weight, e.passageIds.join(' ')]);
  return csv('entity-network.csv', toCsv([['source', 'source name', 'target', 'target name', 'weight', 'passages'], ...rows], options), network.edges.length);
}
