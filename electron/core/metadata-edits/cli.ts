import type { Command } from 'commander';
import type { DocumentSummary } from '../api/methods/corpus';
import type { CliAction } from '../cli/program';
import type { MetadataFieldView } from '../metadata/describe';
import type { MetadataFieldsPatch } from './field-values';
import { collect } from '../cli/options';

const LABELS: Record<MetadataFieldView['field'], string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  authors: 'Authors',
  editors: 'Editors',
  publishers: 'Publishers',
  year: 'Year',
  place: 'Place',
  isbn: 'ISBN',
  doi: 'DOI',
  url: 'URL',
  type: 'Type',
  language: 'Language',
};

function humanField(view: MetadataFieldView): string {
  const value = view.value === null ? '—' : Array.isArray(view.value) ? view.value.join('; ') : String(view.value);
  const shown = view.source === 'inferred' ? `[${value}]` : value;
  const lines = [`${LABELS[view.field].padEnd(11)}${shown}`, `${''.padEnd(11)}${view.explanation}`];
  if (view.printed && view.source !== 'inferred') lines.push(`${''.padEnd(11)}as given: “${view.printed}”`);
  for (const evidence of view.evidence ?? []) {
    lines.push(`${''.padEnd(11)}${evidence.date}, p. ${evidence.page ?? '?'}: “${evidence.text}” (${evidence.passageId})`);
  }
  if (view.note) lines.push(`${''.padEnd(11)}${view.note}`);
  return lines.join('\n');
}

/** `workbench metadata <docId> [--set field=value]…`: a document's metadata, each field with where it came from. */
export function registerMetadataCommands(program: Command, run: CliAction): void {
  program
    .command('metadata <docId>')
    .description("a document's metadata, each field with its source (printed where, inferred from what, entered by whom, or not found)")
    .option('--set <field=value>', 'correct a field (a writing command; repeatable): title, subtitle, authors, editors, publishers (lists split on “;”), year, place, isbn, doi, url, type (a CSL type: report, book, article-journal, thesis…), language (a BCP 47 tag: en, sq, sr-Latn); “field=” clears it (type= goes back to the one its kind gives; a language cannot be cleared)', collect, [])
    .option('--revert <field>', "drop your correction of a field: the extracted value shows again (repeatable)", collect, [])
    .option('--confirm <field>', 'keep a field as it stands as yours (an inferred year, a title from the file name): cited plainly after (repeatable)', collect, [])
    .option('--note <text>', 'with --set or --confirm: why (kept with the edit)')
    .addHelpText('after', '\nEach correction is a record with its author and time, kept over the extracted value (which stays).\nExample: workbench metadata kcss-kosovo-nato-relations-2024 --set year=2024 --set "authors=Ramadan Ilazi; Teuta Avdimetaj" --set type=report --set language=sq')
    .action((docId: string, options: { set: string[]; revert: string[]; confirm: string[]; note?: string }) =>
      run(async (context) => {
        let document: DocumentSummary;
        if (options.set.length > 0 || options.revert.length > 0 || options.confirm.length > 0) {
          // Loaded on demand: --help and plain reads need none of it.
          const { parseFieldAssignment } = await import('./field-values');
          const fields: Record<string, unknown> = {};
          for (const assignment of options.set) {
            const { field, value } = parseFieldAssignment(assignment);
            fields[field] = value;
          }
          if (options.revert.length > 0) document = (await context.call('metadata.revert', { docId, fields: options.revert as Array<keyof MetadataFieldsPatch> }, 'write')) as DocumentSummary;
          if (options.set.length > 0 || options.confirm.length > 0) {
            const confirm = options.confirm.length > 0 ? { confirm: options.confirm as Array<keyof MetadataFieldsPatch> } : {};
            document = (await context.call('metadata.set', { docId, fields: fields as MetadataFieldsPatch, ...confirm, ...(options.note ? { note: options.note } : {}) }, 'write')) as DocumentSummary;
          }
        }
        document = (await context.call('corpus.document', { docId })) as DocumentSummary;
        const value = { docId: document.id, origin: document.origin, title: document.title, fields: document.metadataFields };
        return { value, human: () => value.fields.map(humanField).join('\n\n') };
      }),
    );
}
