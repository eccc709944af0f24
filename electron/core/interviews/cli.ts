import type { Command } from 'commander';
import { WorkbenchError } from '../api/errors';
import type { CliAction } from '../cli/program';
import { collect } from '../cli/options';
import type { TopicSummary } from '../annotations/methods';
import type { AnonymiseResult, AutocodeResult, CaseView, DocumentCases, PassageEditResult } from './methods';

/** `workbench anonymise DOC --replace "Real Name=Pseudonym"… [--key FILE]`; `workbench case list|set`. */
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

  program
    .command('autocode')
    .description('code every turn of a speaker, or every passage with some words, with a topic: one annotation per passage, skipping passages already coded with it (a writing command)')
    .requiredOption('--topic <name>', 'the topic: its name, path or id; a path not in the codebook is created')
    .option('--speaker <name>', "every turn of this speaker (the label as the transcripts write it, any case)")
    .option('--query <words>', 'every passage with all these words, or "quoted phrases" (whole words; case and accents ignored)')
    .option('--document <docId>', 'only this document (default: every imported document)')
    .option('--dry-run', 'only count what would be coded')
    .addHelpText('after', '\nIn the app the whole run is one step of Edit > Undo.\nExample: workbench autocode --topic "Security / Trust in police" --query "police station" --document imp-3f2a9c1d0b7e')
    .action((options: { topic: string; speaker?: string; query?: string; document?: string; dryRun?: boolean }) =>
      run(async (context) => {
        if ((options.speaker === undefined) === (options.query === undefined)) throw new WorkbenchError('BAD_REQUEST', 'Say what to code: give --speaker NAME or --query WORDS (one of them). Nothing was coded.');
        // The first call opens the workspace: for writing unless only counting.
        const access = options.dryRun ? 'read' : 'write';
        const topics = (await context.call('topics.list', {}, access)) as TopicSummary[];
        const key = (text: string) => text.trim().replace(/\s*\/\s*/g, ' / ').toLocaleLowerCase();
        const byName = topics.filter((topic) => key(topic.name) === key(options.topic));
        const found = topics.find((topic) => topic.id === options.topic || key(topic.path) === key(options.topic)) ?? (byName.length === 1 ? byName[0] : undefined);
        if (!found && byName.length > 1) throw new WorkbenchError('BAD_REQUEST', `Several topics are called "${options.topic}": ${byName.map((topic) => `"${topic.path}"`).join(', ')}. Give the path. Nothing was coded.`);
        const value = (await context.call(
          'interviews.autocode',
          {
            ...(found ? { topicId: found.id } : { topicPath: options.topic }),
            ...(options.speaker !== undefined ? { speaker: options.speaker } : { query: options.query! }),
            ...(options.document ? { docId: options.document } : {}),
            ...(options.dryRun ? { dryRun: true } : {}),
          },
          access,
        )) as AutocodeResult;
        const what = options.speaker !== undefined ? `turns of ${options.speaker}` : `passages matching “${options.query}”`;
        return {
          value,
          human: () =>
            `${value.dryRun ? 'Would code' : 'Coded'} ${value.coded} ${what} with “${value.topic.path}”${value.topicCreated ? ' (a new topic)' : ''}; ${value.skipped} already coded with it, ${value.matched} matched in all.`,
        };
      }),
    );

  registerTranscriptCommands(program, run);

  const caseCommand = program.command('case').description('respondents and documents as cases with attributes (municipality, age group, role…)');
  caseCommand
    .command('list')
    .description('every case with its attributes; with --document, that document and its speakers (with their turns), cases or not')
    .option('--document <docId>', 'one document and its speakers')
    .action((options: { document?: string }) =>
      run(async (context) => {
        if (options.document) {
          const value = (await context.call('cases.forDocument', { docId: options.document })) as DocumentCases;
          return {
            value,
            human: () =>
              [`Document  ${value.document.label}  ${describeAttributes(value.document.attributes)}`, ...value.speakers.map((speaker) => `Speaker   ${speaker.label} (${speaker.turns} turns)  ${describeAttributes(speaker.attributes)}`)].join('\n'),
          };
        }
        const value = (await context.call('cases.list', {})) as CaseView[];
        return { value, human: () => (value.length === 0 ? 'No cases yet: give one an attribute with `workbench case set`.' : value.map((item) => `${item.kind.padEnd(9)} ${item.label}  ${describeAttributes(item.attributes)}`).join('\n')) };
      }),
    );
  caseCommand
    .command('set')
    .description("set attributes of a document's or a speaker's case (a writing command)")
    .option('--document <docId>', "the document's case")
    .option('--speaker <name>', "the speaker's case (the label as the transcripts write it; the same in every interview)")
    .option('--attr <name=value>', 'an attribute (repeatable)', collect, [])
    .option('--unset <name>', 'remove an attribute (repeatable)', collect, [])
    .addHelpText('after', '\nExample: workbench case set --speaker "Drita Hoxha" --attr municipality=Mitrovica --attr "age group=30-44"')
    .action((options: { document?: string; speaker?: string; attr: string[]; unset: string[] }) =>
      run(async (context) => {
        if ((options.document === undefined) === (options.speaker === undefined)) throw new WorkbenchError('BAD_REQUEST', 'Say whose case it is: give --document DOC or --speaker NAME (one of them). Nothing was changed.');
        const attributes: Record<string, string | null> = {};
        for (const assignment of options.attr) {
          const at = assignment.indexOf('=');
          if (at <= 0) throw new WorkbenchError('BAD_REQUEST', `“${assignment}” is not name=value: write it as --attr "municipality=Mitrovica". Nothing was changed.`);
          attributes[assignment.slice(0, at).trim()] = assignment.slice(at + 1).trim();
        }
        for (const name of options.unset) attributes[name.trim()] = null;
        if (Object.keys(attributes).length === 0) throw new WorkbenchError('BAD_REQUEST', 'Give at least one --attr name=value or --unset name. Nothing was changed.');
        const target = options.document !== undefined ? { docId: options.document } : { speaker: options.speaker! };
        const value = (await context.call('cases.set', { case: target, attributes }, 'write')) as CaseView;
        return { value, human: () => `${value.label}: ${describeAttributes(value.attributes)}` };
      }),
    );
}

/** `workbench transcript correct DOC PASSAGE --text …`; `workbench transcript add DOC --start S --end S [--speaker NAME] --text …`. */
function registerTranscriptCommands(program: Command, run: CliAction): void {
  const transcript = program.command('transcript').description("correct a transcript's passages, or write passages into a recording's transcript (writing commands; each one undoable step in the app)");
  transcript
    .command('correct <docId> <passageId>')
    .description("correct the text of one passage of an imported document: its times and speaker stay, its annotations keep covering the same words (one whose words are all deleted becomes an orphan), search follows")
    .requiredOption('--text <text>', "the passage's corrected text (the whole passage)")
    .addHelpText('after', '\nThe passage ids are listed by `workbench passages DOC`.\nExample: workbench transcript correct imp-3f2a9c1d0b7e imp-3f2a9c1d0b7e-p3 --text "More than before, but not in the north."')
    .action((docId: string, passageId: string, options: { text: string }) =>
      run(async (context) => {
        const value = (await context.call('transcript.correctPassage', { docId, passageId, text: options.text }, 'write')) as PassageEditResult;
        return { value, human: () => describeEdit(value, 'Corrected') };
      }),
    );
  transcript
    .command('add <docId>')
    .description("write a passage into a recording's transcript (one imported without a transcript, or a turn it missed): placed in time order; it may touch its neighbours but not overlap them")
    .requiredOption('--start <time>', 'when it starts in the recording: seconds (12.5) or a clock time (0:12.5, 1:02:03)')
    .requiredOption('--end <time>', 'when it ends, within the recording')
    .option('--speaker <name>', 'who says it (the label as the transcript writes it)')
    .requiredOption('--text <text>', 'what is said')
    .addHelpText('after', '\nExample: workbench transcript add imp-3f2a9c1d0b7e --start 12.5 --end 15 --speaker "Amina Berisha" --text "Since two thousand and four."')
    .action((docId: string, options: { start: string; end: string; speaker?: string; text: string }) =>
      run(async (context) => {
        const start = parseTime(options.start, '--start');
        const end = parseTime(options.end, '--end');
        if (!(end > start)) throw new WorkbenchError('BAD_REQUEST', `--end (${options.end}) must come after --start (${options.start}). Nothing was added.`);
        const value = (await context.call('transcript.addPassage', { docId, text: options.text, start, end, ...(options.speaker !== undefined ? { speaker: options.speaker } : {}) }, 'write')) as PassageEditResult;
        return { value, human: () => describeEdit(value, 'Added') };
      }),
    );
}

/** Seconds (`12.5`) or a clock time (`0:12.5`, `1:02:03`). */
function parseTime(text: string, option: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(trimmed);
  if (clock && Number(clock[3]) < 60 && (clock[1] === undefined || Number(clock[2]) < 60)) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  throw new WorkbenchError('BAD_REQUEST', `${option} “${text}” is not a time: give seconds (12.5) or a clock time (0:12.5). Nothing was changed.`);
}

function describeEdit(result: PassageEditResult, verb: string): string {
  const { passage } = result;
  const when = passage.start !== undefined && passage.end !== undefined ? ` (${passage.start}–${passage.end} s)` : '';
  if (!result.changed) return `${passage.id} already reads so: nothing was changed.`;
  const orphans = result.orphaned.length > 0 ? ` ${result.orphaned.length} annotation${result.orphaned.length === 1 ? ' covered' : 's covered'} only deleted words and ${result.orphaned.length === 1 ? 'is' : 'are'} now an orphan: ${result.orphaned.join(', ')}.` : '';
  return `${verb} ${passage.id}${when}${passage.speaker ? `, ${passage.speaker}` : ''}: ${passage.text}\n${result.annotationsMoved} annotation${result.annotationsMoved === 1 ? '' : 's'} moved with the text.${orphans}`;
}

function describeAttributes(attributes: Record<string, string>): string {
  const entries = Object.entries(attributes);
  return entries.length === 0 ? '(no attributes)' : entries.map(([name, value]) => `${name}=${value}`).join(', ');
}
