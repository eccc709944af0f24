import { api } from '../api/client';

/**
 * An import is on its way (the file dialog opens, files are dragged over the window): core
 * gets its PDF workers ready meanwhile (`import.prepare`), so the first file of a session
 * reads as fast as the next. Nothing depends on the answer; a failure is only a slower import.
 */
export function prepareImport(): void {
  api.invoke('import.prepare', {}).catch(() => undefined);
}
