import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { WorkbenchError } from '../api/errors';
import { draftExportFormats, markdownKeyModes, type ExportedDraftFile } from './methods';
import { citationStyleIds } from '../citations/styles';
import type { Draft, DraftSummary } from './model';
import { table } from '../cli/output';
import type { CliAction } from '../cli/program';

const exportFormats = [...draftExportFormats, 'pdf'] as const;

/** CLI commands of the drafts area: list, create (from Markdown with Pandoc citations), export. */
export function registerDraftsCommands(program: Command, run: CliAction): void {
  program
    .command('drafts')
    .description('your drafts, most recently edited first')
    .option('--trash', 'the drafts in the trash instead')
    .action((options: { trash?: boolean }) =>
      run(async (context) => {
        const value = (await context.call(options.trash ? 'drafts.listTrash' : 'drafts.list', {})) as DraftSummary[];
        return {
          value,
          human: () =>
            table(value, [
              { key: 'id', label: 'ID', width: 44 },
              { key: 'title', label: 'TITLE', width: 50 },
              { key: 'style', label: 'STYLE' },
              { key: 'wordCount', label: 'WORDS' },
              { key: 'citationCount', label: 'CITATIONS' },
              { key: 'updatedAt', label: 'UPDATED' },
            ]),
        };
      }),
    );

  const draft = program.command('draft').description('create or show a draft');
  draft
    .command('create')
    .description('a new draft, optionally from Markdown whose Pandoc citations ([@passage-id, p. 3]) cite passages, annotations or documents')
    .option('--title <title>', 'the title (default: the Markdown front matter title, else "Untitled draft")')
    .option('--markdown <file>', 'a Markdown file to start from')
    .option('--style <style>', `citation style: ${citationStyleIds.join(', ')}`)
    .action((options: { title?: string; markdown?: string; style?: string }) =>
      run(async (context) => {
        const markdown = options.markdown === undefined ? undefined : await readInput(options.markdown);
        const value = (await context.call(
          'drafts.create',
          {
            ...(options.title !== undefined ? { title: options.title } : {}),
            ...(options.style !== undefined ? { style: options.style as Draft['style'] } : {}),
            ...(markdown !== undefined ? { markdown } : {}),
          },
          'write',
        )) as Draft;
        return { value, human: () => `Created draft ${value.id}: "${value.title}" (${value.style})` };
      }),
    );
  draft
    .command('show <id>')
    .description('one draft with its content (tiptap JSON)')
    .action((id: string) =>
      run(async (context) => {
        const value = (await context.call('drafts.get', { id })) as Draft;
        return { value, human: () => JSON.stringify(value, null, 2) };
      }),
    );
  draft.exitOverride();

  const exportCommand = program.commands.find((command) => command.name() === 'export') ?? program.command('export').description('write workspace content to a file');
  exportCommand
    .command('draft <id>')
    .description('a draft as DOCX, Markdown (+ CSL-JSON beside it), HTML or PDF, or its bibliography as CSL-JSON, BibTeX or RIS')
    .requiredOption('--format <format>', exportFormats.join(', '))
    .option('--out <file>', 'where to write (default: print text formats to stdout)')
    .option('--keys <keys>', 'Markdown: cite by "document" (the default, for Pandoc) or by "passage", so that `workbench draft create --markdown FILE` cites the same passages')
    .action((id: string, options: { format: string; out?: string; keys?: string }) =>
      run(async (context) => {
        if (!(exportFormats as readonly string[]).includes(options.format)) {
          throw new WorkbenchError('BAD_REQUEST', `Unknown export format "${options.format}". Use one of: ${exportFormats.join(', ')}.`);
        }
        if (options.keys !== undefined && !(markdownKeyModes as readonly string[]).includes(options.keys)) {
          throw new WorkbenchError('BAD_REQUEST', `Unknown --keys "${options.keys}". Use document or passage.`);
        }
        const exported = (
          options.format === 'pdf'
            ? await context.call('drafts.exportPdf', { id })
            : await context.call('drafts.export', {
                id,
                format: options.format as (typeof draftExportFormats)[number],
                ...(options.keys ? { keys: options.keys as (typeof markdownKeyModes)[number] } : {}),
              })
        ) as ExportedDraftFile;
        return writeDraftExport(exported, options.format, options.out);
      }),
    );
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(resolve(file), 'utf8');
  } catch (error) {
    throw new WorkbenchError('IO', `Could not read ${resolve(file)}: ${(error as Error).message}`);
  }
}

/** Written next to the target first, then renamed: a failed run never leaves half a file. */
async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new WorkbenchError('IO', `Could not write ${file}: ${(error as Error).message}`);
  }
}

async function writeDraftExport(exported: ExportedDraftFile, format: string, out: string | undefined) {
  if (!out) {
    if (exported.encoding === 'base64') throw new WorkbenchError('BAD_REQUEST', `A ${format.toUpperCase()} file is binary: give --out FILE to write it.`);
    return { value: exported, human: () => exported.data.trimEnd() };
  }
  const file = resolve(out);
  await writeAtomically(file, exported.encoding === 'base64' ? Buffer.from(exported.data, 'base64') : exported.data);
  // Markdown's front matter names its CSL-JSON bibliography; it goes beside the file under that name.
  const companions: string[] = [];
  for (const companion of exported.companions) {
    const path = join(dirname(file), companion.fileName);
    await writeAtomically(path, companion.data);
    companions.push(path);
  }
  const value = { file, format, bytes: exported.bytes, companions };
  return { value, human: () => [`Wrote ${file} (${exported.bytes} bytes)`, ...companions.map((path) => `Wrote ${path}`)].join('\n') };
}
