import { WorkbenchError } from '../../api/errors';
import { withoutUndefined } from '../record-helpers';
import type { AreaHandlers } from '../../core-context';
import type { Annotation } from '../annotation-schema';
import type { CodingServices } from '../coding-services';
import type { CorpusLookup } from '../corpus-lookup';
import type { annotationsMethods } from '../methods';
import { topicPageQuote } from '../topic-page';
import { topicSummaries, topicSummary } from './views';

type TopicHandlerNames =
  | 'topics.list'
  | 'topics.recent'
  | 'topics.create'
  | 'topics.rename'
  | 'topics.edit'
  | 'topics.move'
  | 'topics.merge'
  | 'topics.delete'
  | 'topics.page'
  | 'topics.cooccurrence'
  | 'topics.pairQuotes';

/** How many recent topics keys 1–9 can reach. */
const recentLimit = 9;

export function topicHandlers(services: CodingServices, lookup: CorpusLookup): Pick<AreaHandlers<typeof annotationsMethods>, TopicHandlerNames> {
  const { annotations, topics } = services;
  const summary = (id: string) => topicSummary(id, topics, annotations);

  return {
    'topics.list': () => topicSummaries(topics, annotations),
    'topics.recent': () => {
      const all = topicSummaries(topics, annotations);
      const byId = new Map(all.map((topic) => [topic.id, topic]));
      const order: string[] = [];
      // Most recently edited annotations first; then the newest topics, not yet used.
      const byRecency = [...annotations.all()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      for (const annotation of byRecency) for (const id of annotation.topicIds) if (byId.has(id) && !order.includes(id)) order.push(id);
      for (const topic of topics.list().reverse()) if (!order.includes(topic.id)) order.push(topic.id);
      return order.slice(0, recentLimit).map((id) => byId.get(id)!);
    },
    'topics.create': async (input) => summary((await topics.create(withoutUndefined(input))).id),
    'topics.rename': async ({ id, name }) => summary((await topics.rename(id, name)).id),
    'topics.edit': async ({ id, ...input }) => summary((await topics.edit(id, withoutUndefined(input))).id),
    'topics.move': async ({ id, parentId }) => summary((await topics.move(id, parentId ?? undefined)).id),
    'topics.merge': ({ sourceId, targetId }) => topics.merge(sourceId, targetId),
    'topics.delete': (choice) => topics.delete(choice.id, choice.quotes === 'move-to' ? { quotes: 'move-to', targetId: choice.targetId } : { quotes: choice.quotes }),
    'topics.page': ({ topicId, includeDescendants, speaker, attribute }) => {
      const page = annotations.topicPage(topicId, { includeDescendants: includeDescendants ?? false, ...(speaker ? { speaker } : {}), ...(attribute ? { attribute } : {}) });
      const all = topicSummaries(topics, annotations);
      const own = all.find((topic) => topic.id === topicId)!;
      return {
        ...page,
        quotesWithSubtopics: own.quotesWithSubtopics,
        documents: new Set(page.quotes.map((quote) => quote.docId)).size,
        children: all.filter((topic) => topic.parentId === topicId),
      };
    },
    'topics.cooccurrence': ({ topicIds, docId, speaker, attribute }) => {
      for (const id of topicIds ?? []) topics.require(id);
      if (docId !== undefined && !lookup.getDocumentText(docId)) throw new WorkbenchError('NOT_FOUND', `There is no document with id ${docId}.`);
      const ordered = topicIds ?? topicSummaries(topics, annotations).map((topic) => topic.id);
      const matrix = annotations.cooccurrence(ordered, { ...(docId === undefined ? {} : { docId }), ...(speaker ? { speaker } : {}), ...(attribute ? { attribute } : {}) });
      const tree = topics.tree();
      return {
        topics: matrix.topicIds.map((id) => ({ id, path: tree.path(id), color: tree.get(id)?.color ?? '#888888' })),
        counts: matrix.counts,
        max: Math.max(0, ...matrix.counts.flat()),
      };
    },
    'topics.pairQuotes': ({ topicA, topicB, speaker, attribute }) => {
      const texts = new Map<string, ReturnType<CorpusLookup['getDocumentText']>>();
      const documentText = (docId: string) => {
        if (!texts.has(docId)) texts.set(docId, lookup.getDocumentText(docId));
        return texts.get(docId);
      };
      return annotations.quotesForPair(topicA, topicB, { ...(speaker ? { speaker } : {}), ...(attribute ? { attribute } : {}) }).map((annotation: Annotation) => topicPageQuote(annotation, lookup, documentText));
    },
  };
}
