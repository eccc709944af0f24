import { useMemo } from 'react';
import { useQuery } from '../api/use-query';
import type { TypeAheadOption } from './TypeAhead';
import { useAnnotationsChanged } from './use-annotations-changed';

/** What the popup and the sidebar pick from: topics, recent topics, entities, recommendations, the palette. */
export function useCodingData(docId?: string) {
  const topics = useQuery('topics.list', {});
  const recent = useQuery('topics.recent', {});
  const palette = useQuery('annotations.palette', {});
  const entities = useQuery('corpus.entities', {});
  const recommendations = useQuery('corpus.recommendations', {});
  useAnnotationsChanged((event) => {
    if (event.topicsChanged) topics.reload();
    recent.reload();
  });

  const topicOptions = useMemo<TypeAheadOption[]>(() => (topics.status === 'ready' ? topics.data.map((topic) => ({ id: topic.id, label: topic.path })) : []), [topics]);
  const entityOptions = useMemo<TypeAheadOption[]>(
    () => (entities.status === 'ready' ? entities.data.map((entity) => ({ id: entity.id, label: entity.name, detail: entity.type })) : []),
    [entities],
  );
  const recommendationOptions = useMemo<TypeAheadOption[]>(() => {
    if (recommendations.status !== 'ready') return [];
    // This paper's recommendations first: those are the ones a reader links to most.
    const sorted = [...recommendations.data].sort((a, b) => Number(b.docId === docId) - Number(a.docId === docId));
    return sorted.map((item) => ({ id: item.id, label: `${item.ordinal}. ${item.title}`, detail: item.docId }));
  }, [recommendations, docId]);

  return {
    topics: topics.status === 'ready' ? topics.data : [],
    recentTopics: recent.status === 'ready' ? recent.data : [],
    palette: palette.status === 'ready' ? palette.data : [],
    reloadPalette: palette.reload,
    topicOptions,
    entityOptions,
    recommendationOptions,
  };
}
