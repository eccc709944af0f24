import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import { DropOverlay } from './DropOverlay';
import { ImportPanel } from './ImportPanel';
import { ImportQuestionDialog } from './ImportQuestionDialog';
import { useImportRunner } from './use-import-runner';
import { isExchangeBundle, offerDroppedBundle } from '../team/bundle-drop';
import { routeHref } from '../app/routes';
import { prepareImport } from './prepare-import';

interface ImportActions {
  /** Opens the file dialog (the desktop app's, or the browser's file input) and imports the choice. */
  chooseFiles(): void;
  importFiles(files: File[]): void;
}

const ImportContext = createContext<ImportActions | undefined>(undefined);

export function useImport(): ImportActions {
  const actions = useContext(ImportContext);
  if (!actions) throw new Error('useImport must be used inside <ImportProvider>.');
  return actions;
}

/** The types the import understands; the file dialogs offer these first. */
const acceptedTypes = '.pdf,.txt,.md,.markdown,.docx,.jpg,.jpeg,.png,.tif,.tiff,.qdpx,.qdc,.jsonld,.json,.bib,.ris,.wav,.mp3,.m4a,.ogg,.opus,.webm,.mp4,.vtt,.srt,audio/*,video/*,application/pdf,text/plain,text/markdown,image/jpeg,image/png,image/tiff';

/**
 * Imports from anywhere in the window: the Import button, files dropped on the window,
 * with one progress panel and one place that asks for passwords and duplicate choices.
 */
export function ImportProvider({ children }: { children: ReactNode }) {
  const runner = useImportRunner();
  const { enqueue } = runner;
  const input = useRef<HTMLInputElement>(null);

  const importFiles = useCallback(
    (files: File[]) => {
      // Exchange bundles are merged, not imported: Team → Exchange takes them and shows what they brought.
      const bundles = files.filter(isExchangeBundle);
      for (const bundle of bundles) offerDroppedBundle(bundle);
      if (bundles.length > 0) window.location.hash = routeHref('team', ['exchange']);
      const documents = files.filter((file) => !isExchangeBundle(file));
      if (documents.length > 0) enqueue(documents.map((file) => ({ kind: 'file' as const, file })));
    },
    [enqueue],
  );

  const chooseFiles = useCallback(() => {
    prepareImport();
    api.invoke('import.pickFiles', { multiple: true }).then(
      ({ paths }) => enqueue(paths.map((path) => ({ kind: 'path' as const, path }))),
      (error: unknown) => {
        // Without the desktop shell (a browser), the browser's own file chooser hands over the bytes.
        if (error instanceof ApiError && error.code === 'UNSUPPORTED') input.current?.click();
      },
    );
  }, [enqueue]);

  const actions = useMemo(() => ({ chooseFiles, importFiles }), [chooseFiles, importFiles]);

  return (
    <ImportContext.Provider value={actions}>
      {children}
      <input
        ref={input}
        type="file"
        className="import-file-input"
        accept={acceptedTypes}
        multiple
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          importFiles([...(event.currentTarget.files ?? [])]);
          // The same file can be chosen again later (e.g. after a wrong password was given up).
          event.currentTarget.value = '';
        }}
      />
      <DropOverlay onDrop={importFiles} />
      <ImportPanel jobs={runner.jobs} onCancel={runner.cancel} onDismiss={runner.dismiss} onDismissFinished={runner.dismissFinished} />
      {runner.question ? <ImportQuestionDialog key={`${runner.question.jobId}-${runner.question.kind}-${runner.question.message}`} question={runner.question} onAnswer={runner.respond} /> : null}
    </ImportContext.Provider>
  );
}
