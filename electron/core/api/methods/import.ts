/** The import area's API types, where the renderer has always imported them from. New code imports `import/`. */
export type { ImportProgressEvent, ImportResult, RemoveResult, LibraryChangedEvent, OcrLanguageInfo, OcrTextLayer } from '../../import/index.js';
