import type { Command } from 'commander';
import { WorkbenchError } from '../api/errors';
import type { CliAction } from '../cli/program';
import type { ReferenceView } from './methods';

/** `workbench references`: the reference library, as CSL-JSON items with their citation keys. */
export function registerReferencesCommands(program: Command, run: CliAction): void {
  program
    .command('references')
    .description('list the reference library (imported from .bib, .ris or CSL-JSON with `workbench import`): citation key, authors, year, title; --json prints CSL-JSON items whose id is the citation key')
    .option('--query <words>', 'only references whose key, authors, title or year contain these words')
    .option('--delete <id>', 'delete a reference (a writing command); one that drafts cite needs --cited delete, and their citations then show as not found')
    .option('--cited <choice>', 'with --delete: “delete” deletes a reference drafts cite')
    .addHelpText('after', '\nCite a reference in a draft by its key: [@judah2008, 12] in Markdown, or pick it after @ in the editor.')
    .action((options: { query?: string; delete?: string; cited?: string }) =>
      run(async (context) => {
        if (options.delete) {
          if (options.cited !== undefined && options.cited !== 'delete') throw new WorkbenchError('BAD_REQUEST', `Unknown --cited choice "${options.cited}". Use delete.`);
          const { deleted } = (await context.call('references.delete', { id: options.delete, ...(options.cited ? { cited: 'delete' as const } : {}) }, 'write')) as { deleted: ReferenceView };
          return { value: { deleted: { ...deleted.item, 'citation-key': deleted.citationKey } }, human: () => `Deleted ${deleted.citationKey}: ${deleted.item.title}` };
        }
        const list = (await context.call('references.list', options.query ? { query: options.query } : {}, 'read')) as ReferenceView[];
        // CSL-JSON items as Pandoc and Zotero read them, with Better BibTeX's `citation-key` beside the id.
        const value = list.map((view) => ({ ...view.item, 'citation-key': view.citationKey }));
        return {
          value,
          human: () =>
            list.length === 0
              ? 'The reference library is empty. Import a .bib, .ris or CSL-JSON file exported from Zotero: workbench import library.bib'
              : list.map((view) => `${view.citationKey.padEnd(24)} ${view.authors || '(no author)'} (${view.year ?? 'n.d.'}). ${view.item.title} [${view.item.type}]  ${view.id}`).join('\n'),
        };
      }),
    );
}
