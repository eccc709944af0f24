import type { Workspace } from '../store';
import { TopicService } from '../topics';
import { UndoStack } from '../undo/undo-stack';
import { AnnotationService, type AnnotationServiceOptions } from './annotation-service';
import type { CorpusLookup } from './corpus-lookup';

export interface CodingServices {
  topics: TopicService;
  annotations: AnnotationService;
  /** Shared, so Edit > Undo steps back through topic and annotation edits in one order. */
  undo: UndoStack;
}

/** Wires the topic and annotation services to one undo stack and to each other. */
export function createCodingServices(
  workspace: Workspace,
  lookup: CorpusLookup,
  options: { undo?: UndoStack } & Omit<AnnotationServiceOptions, 'undo'> = {},
): CodingServices {
  const undo = options.undo ?? new UndoStack();
  const topics = new TopicService(workspace, { undo });
  const annotations = new AnnotationService(workspace, topics, lookup, { ...options, undo });
  return { topics, annotations, undo };
}
