import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { WorkbenchError } from '../api/errors';
import type { AnnotationView, DocumentNoteView, ExportedText, TopicSummary } from './methods';
import type { CitingDraft } from './tombstones';
import { nameKey } from '../text/name-key';
import { table } from '../cli/output';
import type { CliAction } from '../cli/program';
import type { CliContext } from '../cli/context';
import { collect } from '../cli/options';

/** CLI commands of the annotations area: annotate, list, topics, exports. */
export function registerAnnotationsCommands(program: Command, run: CliAction): void {
  program
    .command('annotate <passageId>')
    .description('annotate a quote in a passage; topics by name or path ("Parent / Child") are created if missing')
    .requiredOption('--quote <text>', 'the exact text to annotate; it must occur in the passage')
    .option('--note <text>', 'a note')
    .option('--color <color>', 'highlight colour: yellow, green, blue, pink, purple, orange, red, grey')
    .option('--topic <name>', 'code with this topic (repeatable)', collect)
    .option('--entity <id>', 'link to this entity (repeatable)', collect)
    .option('--recommendation <id>', 'link to this recommendation (repeatable)', collect)
    .action((passageId: string, options: { quote: string; note?: string; color?: string; topic?: string[]; entity?: string[]; recommendation?: string[] }) =>
      run(async (context) => {
        const args = {
          passageId,
          quote: options.quote,
          ...(options.note !== undefined ? { note: options.note } : {}),
          ...(options.color !== undefined ? { color: options.color as 'yellow' } : {}),
          ...(options.topic ? { topicPaths: options.topic } : {}),
          ...(options.entity ? { entityIds: options.entity } : {}),
          ...(options.recommendation ? { recommendationIds: options.recommendation } : {}),
        };
        const value = (await context.call('annotations.create', args, 'write')) as AnnotationView;
        return { value, human: () => `Annotated ${value.id} in ${value.documentTitle}: "${value.target.selectors.quote.exact}"` };
      }),
    );

  program
    .command('annotations')
    .description('annotations with their selectors and anchoring status')
    .option('--doc <docId>', 'only this document')
    .option('--topic <name>', 'only quotes coded with this topic (name, path or id)')
    .option('--coder <userId>', 'only this coder\'s annotations (a user id, as `workbench users` lists them)')
    .action((options: { doc?: string; topic?: string; coder?: string }) =>
      run(async (context) => {
        const topicId = options.topic === undefined ? undefined : await resolveTopic(context, options.topic);
        const value = (await context.call('annotations.list', {
          ...(options.doc ? { docId: options.doc } : {}),
          ...(topicId ? { topicId } : {}),
          ...(options.coder ? { coder: options.coder } : {}),
        })) as AnnotationView[];
        return {
          value,
          human: () =>
            table(
              value.map((item) => ({ ...item, quote: item.target.selectors.quote.exact, topicPaths: item.topics.map((topic) => topic.path) })),
              [
                { key: 'id', label: 'ID', width: 44 },
                { key: 'docId', label: 'DOCUMENT' },
                { key: 'anchorStatus', label: 'STATUS' },
                { key: 'quote', label: 'QUOTE', width: 50 },
                { key: 'topicPaths', label: 'TOPICS', width: 40 },
              ],
            ),
        };
      }),
    );

  program
    .command('note <docId>')
    .description("the note on a whole document (bundled or imported): print it, or write it with --set")
    .option('--set <text>', 'write the note (a writing command); --set "" removes it')
    .addHelpText('after', '\nThe note is kept with its author and time; the annotations Markdown export prints it under the document\'s heading.\nExample: workbench note kcss-kosovo-nato-relations-2024 --set "Read for chapter 2; the survey figures are on p. 14."')
    .action((docId: string, options: { set?: string }) =>
      run(async (context) => {
        const value =
          options.set === undefined
            ? ((await context.call('annotations.documentNote', { docId })) as DocumentNoteView | null)
            : ((await context.call('annotations.setDocumentNote', { docId, text: options.set }, 'write')) as DocumentNoteView | null);
        return {
          value: { docId, note: value },
          human: () => (value ? `${value.text}\n\n(by ${value.editedBy}, ${value.editedAt})` : `No note on ${docId}${options.set === undefined ? ' yet' : ' now'}.`),
        };
      }),
    );

  const annotation = program.command('annotation').description('change one annotation');
  annotation
    .command('delete <id>')
    .description('delete an annotation (Ctrl+Z in the app brings it back); one that drafts cite needs --keep-citations')
    .option('--keep-citations', 'delete it even though drafts cite it: their citations keep pointing at its passage, marked "quote deleted"')
    .action((id: string, options: { keepCitations?: boolean }) =>
      run(async (context) => {
        if (!options.keepCitations) {
          // Opened for writing already: the delete that follows uses the same core.
          const citing = (await context.call('annotations.citedIn', { id }, 'write')) as CitingDraft[];
          if (citing.length > 0) {
            throw new WorkbenchError(
              'CONFLICT',
              `Not deleted: ${id} is cited in ${citing.length === 1 ? 'a draft' : `${citing.length} drafts`}:\n` +
                citing.map((draft) => `  ${draft.draftId}  "${draft.title}" (${draft.citations} citation${draft.citations === 1 ? '' : 's'}${draft.trashed ? ', in the trash' : ''})`).join('\n') +
                '\nRun again with --keep-citations to delete it: the citations stay, pointing at its passage and marked "quote deleted", until you cite the passage instead or remove them in the draft.',
              { annotationId: id, citedIn: citing },
            );
          }
        }
        const value = (await context.call('annotations.delete', { id, ...(options.keepCitations ? { citedIn: 'keep-tombstone' as const } : {}) }, 'write')) as { citedIn: CitingDraft[] };
        return {
          value: { id, deleted: true, citedIn: value.citedIn },
          human: () =>
            `Deleted ${id}` +
            (value.citedIn.length > 0 ? `; its citations stay in ${value.citedIn.map((draft) => `"${draft.title}"`).join(', ')}, marked "quote deleted"` : ''),
        };
      }),
    );
  annotation.exitOverride();

  program
    .command('topics')
    .description('the codebook, with counts of quotes and documents per topic')
    .action(() =>
      run(async (context) => {
        const value = (await context.call('topics.list', {})) as TopicSummary[];
        return { value, human: () => (value.length === 0 ? '(no topics)' : value.map((topic) => `${'  '.repeat(topic.depth)}${topic.name}  (${topic.quotes} quotes, ${topic.documents} documents)`).join('\n')) };
      }),
    );

  const exportCommand = program.commands.find((command) => command.name() === 'export') ?? program.command('export').description('write annotations, the codebook or a draft to a file');
  exportCommand
    .command('annotations')
    .description('every annotation as Markdown, CSV or W3C Web Annotations (JSON-LD)')
    .requiredOption('--format <format>', 'md, csv or w3c')
    .option('--out <file>', 'where to write (default: print to stdout)')
    .option('--bom', 'CSV: start with a UTF-8 byte order mark, so that Excel reads accented letters right')
    .option('--speaker <name>', "only this speaker's quotes (transcript turns)")
    .option('--attribute <name=value>', 'only quotes of cases with this attribute value (see `workbench case`)')
    .action((options: { format: string; out?: string; bom?: boolean; speaker?: string; attribute?: string }) =>
      run(async (context) => {
        const at = options.attribute?.indexOf('=') ?? -1;
        if (options.attribute !== undefined && at <= 0) throw new WorkbenchError('BAD_REQUEST', `“${options.attribute}” is not name=value: write it as --attribute "municipality=Mitrovica".`);
        const filter = {
          ...(options.speaker ? { speaker: options.speaker } : {}),
          ...(options.attribute !== undefined ? { attribute: { name: options.attribute.slice(0, at).trim(), value: options.attribute.slice(at + 1).trim() } } : {}),
        };
        const exported = await context.call('annotations.export', { format: options.format as 'md', ...(options.bom ? { bom: true } : {}), ...(Object.keys(filter).length > 0 ? { filter } : {}) });
        return writeExport(exported as ExportedText, options.format, options.out);
      }),
    );
  exportCommand
    .command('codebook')
    .description('the codebook as a REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA and QualCoder')
    .requiredOption('--format <format>', 'qdc')
    .option('--out <file>', 'where to write (default: print to stdout)')
    .action((options: { format: string; out?: string }) =>
      run(async (context) => writeExport((await context.call('topics.exportCodebook', { format: options.format as 'qdc' })) as ExportedText, options.format, options.out)),
    );
  exportCommand.exitOverride();
}

/** A topic given by id, by path ("Security / Trust in police") or by a name that is unique. */
async function resolveTopic(context: CliContext, given: string): Promise<string> {
  const topics = (await context.call('topics.list', {})) as TopicSummary[];
  const key = nameKey(given).replace(/\s*\/\s*/g, ' / ');
  const byPath = topics.find((topic) => topic.id === given || nameKey(topic.path) === key);
  if (byPath) return byPath.id;
  const byName = topics.filter((topic) => nameKey(topic.name) === nameKey(given));
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) {
    throw new WorkbenchError('BAD_REQUEST', `Several topics are called "${given}": ${byName.map((topic) => `"${topic.path}"`).join(', ')}. Give the path.`);
  }
  throw new WorkbenchError('NOT_FOUND', `There is no topic called "${given}". Run \`workbench topics\` to see the codebook.`);
}

/** Written next to the target first, then renamed: a failed run never leaves half a file. */
async function writeExport(exported: ExportedText, format: string, out: string | undefined) {
  if (!out) return { value: exported, human: () => exported.text.trimEnd() };
  const file = resolve(out);
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, exported.text, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new WorkbenchError('IO', `Could not write ${file}: ${(error as Error).message}`);
  }
  const value = { file, format, count: exported.count, bytes: Buffer.byteLength(exported.text) };
  return { value, human: () => `Wrote ${exported.count} ${format === 'qdc' ? 'topics' : 'annotations'} to ${file}` };
}
