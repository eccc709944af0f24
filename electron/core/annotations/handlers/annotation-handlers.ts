import type { annotationsMethods } from '../../api/methods/annotations';
import type { AreaHandlers } from '../../core-context';
import type { CodingServices } from '../coding-services';
import type { CorpusLookup } from '../corpus-lookup';
import { describePalette, setColorMeaning, type ColorMeaningSettings } from '../palette';
import type { CollectionHandle } from '../../store/types';
import type { ChangeTracker } from './change-tracker';
import { assertQuoteInPassage, assertRangeInDocument, assertReferencesExist } from './preflight';
import { checkTopicPaths, ensureTopicPaths } from './topic-paths';
import { toAnnotationView } from './views';

type AnnotationHandlerNames =
  | 'annotations.list'
  | 'annotations.get'
  | 'annotations.create'
  | 'annotations.createFromSelection'
  | 'annotations.update'
  | 'annotations.code'
  | 'annotations.uncode'
  | 'annotations.link'
  | 'annotations.unlink'
  | 'annotations.delete'
  | 'annotations.palette'
  | 'annotations.setColorMeaning';

interface Content {
  topicIds?: string[];
  topicPaths?: string[];
  entityIds?: string[];
  recommendationIds?: string[];
}

export function annotationHandlers(
  services: CodingServices,
  lookup: CorpusLookup,
  settings: CollectionHandle<ColorMeaningSettings>,
  tracker: ChangeTracker,
): Pick<AreaHandlers<typeof annotationsMethods>, AnnotationHandlerNames> {
  const { annotations, topics } = services;
  const view = (annotation: Parameters<typeof toAnnotationView>[0]) => toAnnotationView(annotation, topics, lookup);

  /**
   * Everything is checked first; then the missing topics are created, then the annotation.
   * Topics by path are why this is not simply the service's own validation.
   */
  const withTopics = async <T>(content: Content, create: (topicIds: string[]) => Promise<T>): Promise<T> => {
    assertReferencesExist(lookup, topics, content);
    checkTopicPaths(topics, content.topicPaths ?? []);
    const { ids, created } = await ensureTopicPaths(topics, content.topicPaths ?? []);
    try {
      return await create([...new Set([...(content.topicIds ?? []), ...ids])]);
    } catch (error) {
      // Only a failed disk write gets here; do not leave topics behind that nobody asked for alone.
      for (const topicId of created.reverse()) await topics.delete(topicId, { quotes: 'uncode' }).catch(() => undefined);
      throw error;
    }
  };

  return {
    'annotations.list': (filter) => annotations.list(filter).map(view),
    'annotations.get': ({ id }) => view(annotations.require(id)),
    'annotations.create': ({ passageId, quote, offsetInPassage, topicPaths, ...content }) =>
      tracker.track(async () => {
        assertQuoteInPassage(lookup, passageId, quote, offsetInPassage);
        return view(
          await withTopics({ ...content, topicPaths }, (topicIds) =>
            annotations.createFromQuote({ passageId, quote, ...(offsetInPassage === undefined ? {} : { offsetInPassage }), ...content, topicIds }),
          ),
        );
      }),
    'annotations.createFromSelection': ({ docId, start, end, topicPaths, ...content }) =>
      tracker.track(async () => {
        assertRangeInDocument(lookup, docId, start, end);
        return view(await withTopics({ ...content, topicPaths }, (topicIds) => annotations.createFromSelection({ docId, start, end, ...content, topicIds })));
      }),
    'annotations.update': ({ id, note, color }) =>
      tracker.track(async () => view(await annotations.update(id, { ...(note === undefined ? {} : { note }), ...(color ? { color } : {}) }))),
    'annotations.code': ({ id, topicIds, topicPaths }) =>
      tracker.track(async () => {
        annotations.require(id);
        return view(await withTopics({ topicIds, topicPaths }, (all) => annotations.code(id, all)));
      }),
    'annotations.uncode': ({ id, topicIds }) => tracker.track(async () => view(await annotations.uncode(id, topicIds))),
    'annotations.link': ({ id, entityIds, recommendationIds }) =>
      tracker.track(async () => view(await annotations.link(id, { ...(entityIds ? { entityIds } : {}), ...(recommendationIds ? { recommendationIds } : {}) }))),
    'annotations.unlink': ({ id, entityIds, recommendationIds }) =>
      tracker.track(async () => view(await annotations.unlink(id, { ...(entityIds ? { entityIds } : {}), ...(recommendationIds ? { recommendationIds } : {}) }))),
    'annotations.delete': ({ id }) => tracker.track(() => annotations.delete(id)),
    'annotations.palette': () => describePalette(settings),
    'annotations.setColorMeaning': async ({ color, meaning }) => {
      await setColorMeaning(settings, color, meaning);
      return describePalette(settings);
    },
  };
}
