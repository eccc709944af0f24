import { WorkbenchError } from '../api/errors';
import type { CorpusIndex } from '../corpus/corpus-index';
import type { CitationAttrs, CitedTable } from '../drafts/index';
import type { EvidenceEvent } from './events';
import type { FigureGroup } from './figures';
import type { EntityNetwork } from './network';

/** What to cite as a table: a figure group, an event's papers, or the passages of a link in the network. */
export type CitationTableRequest = { of: 'figures'; key: string } | { of: 'event'; eventId: string } | { of: 'edge'; source: string; target: string; docIds?: string[] };

const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Long passages are shortened where a word ends; the citation opens the whole of it. */
function excerpt(text: string, max = 320): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/** A passage cited with its page as the locator, as passages picked from search are. */
function passageCitation(corpus: CorpusIndex, passageId: string, docId: string): CitationAttrs {
  const page = corpus.findPassage(passageId)?.page;
  return { targetKind: 'passage', targetId: passageId, docId, locator: page === undefined ? null : String(page), prefix: null, suffix: null, suppressAuthor: false };
}

const titleOf = (corpus: CorpusIndex, docId: string) => (corpus.hasDocument(docId) ? corpus.document(docId).title : docId);

/** A figure group: a row per figure (value, unit, figure as printed, as-of date, paper) citing its passage. */
export function figureGroupTable(group: FigureGroup, corpus: CorpusIndex): CitedTable {
  return {
    caption: `${group.subject}: figures compared${group.differ ? ' (the papers differ)' : ''}`,
    columns: ['Value', 'Unit', 'Figure', 'As of', 'Paper'],
    rows: group.figures.map((figure) => ({
      cells: [numbers.format(figure.value), figure.unit, figure.label, figure.asOfLabel ?? '', titleOf(corpus, figure.docId)],
      citations: [passageCitation(corpus, figure.passageId, figure.docId)],
    })),
  };
}

/** An event: a row per paper with what it says, citing each of its passages. */
export function eventTable(event: EvidenceEvent, corpus: CorpusIndex): CitedTable {
  return {
    caption: `${event.title} (${event.dateLabel})`,
    columns: ['Paper', 'What it says'],
    rows: event.sources.map((source) => ({
      cells: [source.docTitle, excerpt(source.quotes.map((quote) => quote.text).join(' … '))],
      citations: [...new Set(source.passageIds)].slice(0, 20).map((passageId) => passageCitation(corpus, passageId, source.docId)),
    })),
  };
}

/** A link of the network: a row per passage that names both entities, citing it. */
export function edgeTable(network: EntityNetwork, source: string, target: string, corpus: CorpusIndex): CitedTable {
  const edge = network.edges.find((e) => (e.source === source && e.target === target) || (e.source === target && e.target === source));
  if (!edge) throw new WorkbenchError('NOT_FOUND', `No passage names both ${source} and ${target}. Open the entity network to see which entities are linked.`);
  const label = (id: string) => network.nodes.find((node) => node.id === id)?.label ?? id;
  const passages = edge.passageIds.flatMap((passageId) => {
    const passage = corpus.findPassage(passageId);
    return passage ? [passage] : [];
  });
  return {
    caption: `${label(edge.source)} and ${label(edge.target)}: ${edge.weight === 1 ? 'the passage' : `${edge.weight} passages`} naming both${passages.length > 300 ? ' (the first 300)' : ''}`,
    columns: ['Paper', 'Passage'],
    rows: passages.slice(0, 300).map((passage) => ({ cells: [titleOf(corpus, passage.docId), excerpt(passage.text)], citations: [passageCitation(corpus, passage.id, passage.docId)] })),
  };
}
