export { exportAnnotationsMarkdown } from './markdown';
export { exportAnnotationsCsv, csvColumns } from './csv';
export { toWebAnnotation, exportWebAnnotations, annotationIri, defaultSourceIri, webAnnotationContext } from './web-annotation';
export type { WebAnnotation, WebAnnotationBody, WebAnnotationOptions } from './web-annotation';
export { exportRefiQdaCodebook, topicGuid, refiQdaCodebookNamespace } from './refi-qda-codebook';
export { deterministicUuid } from './deterministic-uuid';
