import type { CollectionHandle } from '../store/types';
import { TopicService } from '../topics/topic-service';
import type { TopicsData } from '../topics/topic-schema';
import { UndoStack } from '../undo/undo-stack';
import { AnnotationService } from './annotation-service';
import type { AnnotationsData } from './annotation-schema';
import type { CorpusLookup } from './corpus-lookup';

export interface CodingServices {
  topics: TopicService;
  annotations: AnnotationService;
  /** Shared, so Edit > Undo steps back through topic and annotation edits in one order. */
  undo: UndoStack;
}

/** Wires the topic and annotation services to one undo stack and to each other. */
export function createCodingServices(stores: {
  annotations: CollectionHandle<AnnotationsData>;
  topics: CollectionHandle<TopicsData>;
  lookup: CorpusLookup;
  undo?: UndoStack;
}): CodingServices {
  const undo = stores.undo ?? new UndoStack();
  const topics = new TopicService(stores.topics, { undo });
  const annotations = new AnnotationService(stores.annotations, topics, stores.lookup, { undo });
  return { topics, annotations, undo };
}
