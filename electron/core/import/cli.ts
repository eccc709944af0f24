import { resolve } from 'node:path';
import type { Command } from 'commander';
import { WorkbenchError } from '../api/errors';
import type { ImportResult, OcrLanguageInfo, RemoveResult } from './methods';
import type { CliAction } from '../cli/program';

const duplicateChoices: Record<string, 'skip' | 'import-again'> = { skip: 'skip', again: 'import-again' };
const annotationChoices: Record<string, 'delete' | 'keep-as-orphans'> = { delete: 'delete', keep: 'keep-as-orphans' };

/** CLI commands of the import area: bring a file into the workspace, or remove one. */
export function registerImportCommands(program: Command, run: CliAction): void {
  program
    .command('import <file>')
    .description(
      'import a PDF, a photo of a page (.jpg, .png, .tif), a transcript (.txt, .md, .docx), a recording (.wav, .mp3, .m4a, .ogg, .webm, .mp4; with --transcript), a REFI-QDA project (.qdpx) or codebook (.qdc), W3C / Hypothesis annotations (.jsonld, .json), or references (.bib, .ris, CSL-JSON .json) into the workspace',
    )
    .option('--transcript <file>', "a recording's transcript: WebVTT (.vtt, voice tags <v Name>), SubRip (.srt), or text (.txt, .md, .docx) with [hh:mm:ss] or (mm:ss) stamps and Name: turns")
    .option('--password <password>', 'the password of an encrypted PDF')
    .option('--duplicate <choice>', 'when the same file is already imported: skip, or again (a second copy)')
    .option('--ocr-lang <codes>', 'languages OCR reads in scanned pages and photos, joined by +, e.g. eng+sqi (default eng; see ocr-languages)')
    .option('--no-ocr', 'leave pages without a text layer unread instead of recognising them')
    .action((file: string, options: { password?: string; duplicate?: string; ocrLang?: string; ocr: boolean; transcript?: string }) =>
      run(async (context) => {
        const onDuplicate = options.duplicate === undefined ? undefined : duplicateChoices[options.duplicate];
        if (options.duplicate !== undefined && !onDuplicate) {
          throw new WorkbenchError('BAD_REQUEST', `Unknown --duplicate choice "${options.duplicate}". Use skip or again.`);
        }
        const ocrLanguages = options.ocrLang?.split('+').map((code) => code.trim()).filter(Boolean);
        const value = (await context.call(
          'import.file',
          {
            path: resolve(file),
            ...(options.transcript === undefined ? {} : { transcript: resolve(options.transcript) }),
            ...(options.password === undefined ? {} : { password: options.password }),
            ...(onDuplicate === undefined ? {} : { onDuplicate }),
            ...(options.ocr ? {} : { ocr: false }),
            ...(ocrLanguages ? { ocrLanguages } : {}),
          },
          'write',
        )) as ImportResult;
        const { documentId, title, pages, passages, status, hasTextLayer, ocrPages, project, references, duration, warnings } = value;
        if (references) {
          return { value: { title, ...references }, human: () => [`References from "${title}": ${references.summary}.`, ...references.details.map((line) => `  ${line}`)].join('\n') };
        }
        if (project) {
          return {
            value: { title, ...project },
            human: () =>
              project.format === 'w3c' || project.format === 'hypothesis'
                ? `Annotations from "${title}" (${project.format === 'w3c' ? 'W3C' : 'Hypothesis'}): ${project.summary}.`
                : `Imported the ${project.format === 'qdc' ? 'codebook' : 'project'} "${title}": ${project.summary}.`,
          };
        }
        if (duration !== undefined) {
          return {
            value: { documentId, title, passages, status, duration, warnings: warnings ?? [] },
            human: () => recordingSummary(value),
          };
        }
        return {
          value: { documentId, title, pages, passages, status, hasTextLayer, ocrPages },
          human: () =>
            status === 'skipped'
              ? `Already imported as ${documentId}: "${title}" (skipped)`
              : `Imported ${documentId}: "${title}", ${pages} page${pages === 1 ? '' : 's'}, ${passages} passage${passages === 1 ? '' : 's'}` +
                (ocrPages.length > 0 ? `\nRead by OCR: page${ocrPages.length === 1 ? '' : 's'} ${ocrPages.join(', ')}. Check quotes from them against the page.` : '') +
                (hasTextLayer ? '' : '\nNo text found: the file has no text layer and OCR found none (or was off). There is no text to search or annotate.'),
        };
      }),
    );

  program
    .command('add-transcript <docId> <file>')
    .description("give a recording imported without a transcript its transcript (.vtt, .srt, .txt, .md, .docx)")
    .action((docId: string, file: string) =>
      run(async (context) => {
        const value = (await context.call('import.addTranscript', { docId, path: resolve(file) }, 'write')) as ImportResult;
        return { value: { documentId: value.documentId, passages: value.passages, warnings: value.warnings ?? [] }, human: () => recordingSummary(value) };
      }),
    );

  program
    .command('ocr-languages')
    .description('list the languages OCR can read, and the folder where more models (.traineddata) go')
    .action(() =>
      run(async (context) => {
        const value = (await context.call('import.ocrLanguages', {}, 'read')) as { languages: OcrLanguageInfo[]; folder: string };
        return {
          value,
          human: () =>
            [...value.languages.map((l) => `${l.code.padEnd(10)} ${l.name}${l.source === 'workspace' ? ' (from the workspace)' : ''}`), '', `Add a language: put its <code>.traineddata into ${value.folder}`].join('\n'),
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

function recordingSummary(result: ImportResult): string {
  const minutes = Math.floor((result.duration ?? 0) / 60);
  const seconds = Math.round((result.duration ?? 0) % 60);
  const head =
    result.status === 'skipped'
      ? `Already imported as ${result.documentId}: "${result.title}" (skipped)`
      : `Imported ${result.documentId}: "${result.title}", a recording of ${minutes} min ${seconds} s, ${result.passages} timed passage${result.passages === 1 ? '' : 's'}`;
  return [head, ...(result.warnings ?? []).map((w) => `Warning: ${w}`)].join('\n');
}
