import type { Command } from 'commander';
import type { DocumentSummary } from '../../api/methods/corpus';
import type { MetadataFieldView } from '../../metadata/describe';
import type { CliAction } from '../program';

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

/** `workbench metadata <docId>`: a document's metadata, each field with where it came from. */
export function registerMetadataCommands(program: Command, run: CliAction): void {
  program
    .command('metadata <docId>')
    .description("a document's metadata, each field with its source (printed where, inferred from what, or not found)")
    .action((docId: string) =>
      run(async (context) => {
        const document = (await context.call('corpus.document', { docId })) as DocumentSummary;
        const value = { docId: document.id, origin: document.origin, title: document.title, fields: document.metadataFields };
        return { value, human: () => value.fields.map(humanField).join('\n\n') };
      }),
    );
}
