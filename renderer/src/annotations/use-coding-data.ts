import { useMemo } from 'react';
import { useApi } from '../api/use-api';
import type { TypeAheadOption } from './TypeAhead';

/** What the popup and the sidebar pick from: topics, recent topics, entities, recommendations, the palette. */
export function useCodingData(docId?: string) {
  const topics = useApi('topics.list', {});
  const recent = useApi('topics.recent', {});
  const palette = useApi('annotations.palette', {});
  const entities = useApi('corpus.entities', {});
  const recommendations = useApi('corpus.recommendations', {});

  const topicOptions = useMemo<TypeAheadOption[]>(() => (topics.value ?? []).map((topic) => ({ id: topic.id, label: topic.path })), [topics.value]);
  const entityOptions = useMemo<TypeAheadOption[]>(
    () => (entities.value ?? []).map((entity) => ({ id: entity.id, label: entity.name, detail: entity.type })),
    [entities.value],
  );
  const recommendationOptions = useMemo<TypeAheadOption[]>(() => {
    // This paper's recommendations first: those are the ones a reader links to most.
    const sorted = [...(recommendations.value ?? [])].sort((a, b) => Number(b.docId === docId) - Number(a.docId === docId));
    return sorted.map((item) => ({ id: item.id, label: `${item.ordinal}. ${item.title}`, detail: item.docId }));
  }, [recommendations.value, docId]);

  return {
    topics: topics.value ?? [],
    recentTopics: recent.value ?? [],
    palette: palette.value ?? [],
    topicOptions,
    entityOptions,
    recommendationOptions,
  };
}
