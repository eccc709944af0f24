import type { Command } from 'commander';
import { WorkbenchError } from '../api/errors';
import type { CliAction } from '../cli/program';
import { collect } from '../cli/options';
import type { AnonymiseResult } from './methods';

/** `workbench anonymise DOC --replace "Real Name=Pseudonym"… [--key FILE]`. */
export function registerInterviewsCommands(program: Command, run: CliAction): void {
  program
    .command('anonymise <docId>')
    .alias('anonymize')
    .description("replace real names by pseudonyms in an imported transcript or document: its passages, speakers, search, annotations' quotes and notes, and so every export (one undoable step in the app)")
    .option('--replace <Real Name=Pseudonym>', 'a name and its pseudonym (repeatable); whole words, any case, possessives too', collect, [])
    .option('--key <file>', 'write the key (real name → pseudonym) to this file, outside the workspace; an existing key file gets this document added')
    .addHelpText(
      'after',
      '\nThe key never goes into the workspace, its exports or bundles. Without --key none is written: keep your own record.\nExample: workbench anonymise imp-3f2a9c1d0b7e --replace "Arben Krasniqi=Respondent 4" --replace "Arben=R4" --key ~/keys/interviews.json',
    )
    .action((docId: string, options: { replace: string[]; key?: string }) =>
      run(async (context) => {
        const { parseReplacementSpec } = await import('./name-replacement');
        if (options.replace.length === 0) throw new WorkbenchError('BAD_REQUEST', 'Nothing was anonymised: give at least one --replace "Real Name=Pseudonym".');
        const replacements = options.replace.map((spec) => {
          try {
            return parseReplacementSpec(spec);
          } catch (error) {
            throw new WorkbenchError('BAD_REQUEST', `Nothing was anonymised: ${(error as Error).message}`);
          }
        });
        const result = (await context.call('interviews.anonymise', { docId, replacements, ...(options.key ? { keyPath: options.key } : {}) }, 'write')) as AnonymiseResult;
        // The key's text holds the real names: the CLI prints neither it nor them.
        const { key: _key, ...value } = result;
        return {
          value: { ...value, replacements: value.replacements.map(({ pseudonym, count }) => ({ pseudonym, count })) },
          human: () =>
            [
              `Anonymised “${result.title}”: ${result.replacements.map((r) => `${r.count} × ${r.pseudonym}`).join(', ')}.`,
              `${result.passagesChanged} passages, ${result.speakerTurnsChanged} speaker labels, ${result.annotationsChanged} annotations${result.noteChanged ? ', the document note' : ''} changed.`,
              result.keyPath ? `Key written to ${result.keyPath}.` : 'No key was written (no --key): keep your own record of the pseudonyms.',
            ].join('\n'),
        };
      }),
    );
}
