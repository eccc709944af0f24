import { resolve } from 'node:path';
import type { Command } from 'commander';
import { WorkbenchError } from '../api/errors';
import type { ImportResult, RemoveResult } from './methods';
import type { CliAction } from '../cli/program';

const duplicateChoices: Record<string, 'skip' | 'import-again'> = { skip: 'skip', again: 'import-again' };
const annotationChoices: Record<string, 'delete' | 'keep-as-orphans'> = { delete: 'delete', keep: 'keep-as-orphans' };

/** CLI commands of the import area: bring a file into the workspace, or remove one. */
export function registerImportCommands(program: Command, run: CliAction): void {
  program
    .command('import <file>')
    .description('import a PDF or a transcript (.txt, .md, .docx) into the workspace')
    .option('--password <password>', 'the password of an encrypted PDF')
    .option('--duplicate <choice>', 'when the same file is already imported: skip, or again (a second copy)')
    .action((file: string, options: { password?: string; duplicate?: string }) =>
      run(async (context) => {
        const onDuplicate = options.duplicate === undefined ? undefined : duplicateChoices[options.duplicate];
        if (options.duplicate !== undefined && !onDuplicate) {
          throw new WorkbenchError('BAD_REQUEST', `Unknown --duplicate choice "${options.duplicate}". Use skip or again.`);
        }
        const value = (await context.call(
          'import.file',
          {
            path: resolve(file),
            ...(options.password === undefined ? {} : { password: options.password }),
            ...(onDuplicate === undefined ? {} : { onDuplicate }),
          },
          'write',
        )) as ImportResult;
        const { documentId, title, pages, passages, status, hasTextLayer } = value;
        return {
          value: { documentId, title, pages, passages, status, hasTextLayer },
          human: () =>
            status === 'skipped'
              ? `Already imported as ${documentId}: "${title}" (skipped)`
              : `Imported ${documentId}: "${title}", ${pages} page${pages === 1 ? '' : 's'}, ${passages} passage${passages === 1 ? '' : 's'}` +
                (hasTextLayer ? '' : '\nThe PDF has no text layer (a scan without OCR?): there is no text to search or annotate.'),
        };
      }),
    );

  program
    .command('remove-document <docId>')
    .description('remove an imported document (bundled papers cannot be removed)')
    .option('--annotations <choice>', 'what becomes of its annotations: delete, or keep (as orphans)', 'keep')
    .action((docId: string, options: { annotations: string }) =>
      run(async (context) => {
        const annotations = annotationChoices[options.annotations];
        if (!annotations) throw new WorkbenchError('BAD_REQUEST', `Unknown --annotations choice "${options.annotations}". Use delete or keep.`);
        const value = (await context.call('import.remove', { docId, annotations }, 'write')) as RemoveResult;
        return {
          value,
          human: () =>
            `Removed ${value.docId}` +
            (value.annotationsDeleted ? `; deleted ${value.annotationsDeleted} annotation(s)` : '') +
            (value.annotationsKeptAsOrphans ? `; kept ${value.annotationsKeptAsOrphans} annotation(s) as orphans` : ''),
        };
      }),
    );
}
