import type { AreaHandlers } from '../../core-context';
import type { RecordSet, Workspace } from '../../store';
import type { AnnotationService } from '../annotation-service';
import type { CorpusLookup } from '../corpus-lookup';
import type { annotationsMethods } from '../methods';
import { describePalette, setColorMeaning, type ColorMeaning } from '../palette';
import { withoutUndefined } from '../record-helpers';
import type { TopicService } from '../../topics';
import { toAnnotationView } from './views';

type AnnotationHandlerNames =
  | 'annotations.list'
  | 'annotations.get'
  | 'annotations.create'
  | 'annotations.createFromSelection'
  | 'annotations.edit'
  | 'annotations.update'
  | 'annotations.code'
  | 'annotations.uncode'
  | 'annotations.link'
  | 'annotations.unlink'
  | 'annotations.delete'
  | 'annotations.citedIn'
  | 'annotations.palette'
  | 'annotations.setColorMeaning';

/** The API over the annotation service: arguments were checked by the contract, meaning is checked by the service. */
export function annotationHandlers(
  services: { annotations: AnnotationService; topics: TopicService },
  lookup: CorpusLookup,
  palette: { workspace: Workspace; meanings: RecordSet<ColorMeaning> },
): Pick<AreaHandlers<typeof annotationsMethods>, AnnotationHandlerNames> {
  const { annotations, topics } = services;
  const view = (annotation: Parameters<typeof toAnnotationView>[0]) => toAnnotationView(annotation, topics, lookup, annotations);
  const links = (input: { entityIds?: string[] | undefined; recommendationIds?: string[] | undefined }) => ({
    ...(input.entityIds ? { entityIds: input.entityIds } : {}),
    ...(input.recommendationIds ? { recommendationIds: input.recommendationIds } : {}),
  });

  return {
    'annotations.list': (filter) => annotations.list(filter).map(view),
    'annotations.get': ({ id }) => view(annotations.require(id)),
    'annotations.create': async (input) => view(await annotations.create(withoutUndefined(input))),
    'annotations.createFromSelection': async (input) => view(await annotations.create(withoutUndefined(input))),
    'annotations.edit': async ({ id, ...edit }) => view(await annotations.edit(id, withoutUndefined(edit))),
    'annotations.update': async ({ id, note, color }) => view(await annotations.edit(id, withoutUndefined({ note, color }))),
    'annotations.code': async ({ id, topicIds, topicPaths }) => view(await annotations.code(id, topicIds ?? [], topicPaths ?? [])),
    'annotations.uncode': async ({ id, topicIds }) => view(await annotations.uncode(id, topicIds)),
    'annotations.link': async ({ id, ...input }) => view(await annotations.link(id, links(input))),
    'annotations.unlink': async ({ id, ...input }) => view(await annotations.unlink(id, links(input))),
    'annotations.delete': ({ id, citedIn }) => annotations.delete(id, citedIn ? { citedIn } : {}),
    'annotations.citedIn': ({ id }) => annotations.citedIn(id),
    'annotations.palette': () => describePalette(palette.meanings),
    'annotations.setColorMeaning': async ({ color, meaning }) => {
      await setColorMeaning(palette.workspace, color, meaning);
      return describePalette(palette.meanings);
    },
  };
}
