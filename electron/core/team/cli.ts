import { resolve } from 'node:path';
import type { Command } from 'commander';
import { WorkbenchError } from '../api/errors';
import type { CliAction } from '../cli/program';
import type { AgreementReport, ConflictView, ExportBundleResult, MergeResult, SyncResult, TeamUsers } from './methods';
import type { ReplacedDocument } from './newer-content';

const kappaText = (kappa: number | null) => (kappa === null ? 'undefined (no variation)' : kappa.toFixed(3));

/** `workbench exchange export|merge`, `workbench conflicts`, `workbench agreement`, `workbench users`. */
export function registerTeamCommands(program: Command, run: CliAction): void {
  const exchange = program.command('exchange').description('work exchanged offline: bundles of records with their revisions, tombstones and imported documents');
  exchange
    .command('export')
    .description('write a bundle of this workspace (all records, or those changed --since the last bundle) for a colleague to merge')
    .requiredOption('--out <file>', 'the bundle to write (e.g. amina-2026-12-04.fwx)')
    .option('--since <seq-or-date>', "only records changed after this: the last bundle's lastSeq, or a date (2026-12-01)")
    .action((options: { out: string; since?: string }) =>
      run(async (context) => {
        const since = options.since === undefined ? undefined : /^\d+$/.test(options.since) ? Number(options.since) : options.since;
        const result = (await context.call('team.exportBundle', { out: resolve(options.out), ...(since === undefined ? {} : { since }) })) as ExportBundleResult;
        return {
          value: result,
          human: () => `Wrote ${result.file}: ${result.records} records, ${result.documents} documents (${Math.ceil(result.bytes / 1024)} kB). Next time, --since ${result.lastSeq} sends only what changed after this.`,
        };
      }),
    );
  exchange
    .command('merge')
    .description("bring a colleague's bundle in; answers {added, updated, unchanged, conflicts}; merging twice changes nothing")
    .argument('<file>', 'the bundle')
    .option('--join', "a new member's first merge: this empty workspace joins the bundle's project")
    .action((file: string, options: { join?: boolean }) =>
      run(async (context) => {
        const result = (await context.call('team.mergeBundle', { file: resolve(file), ...(options.join ? { join: true } : {}) }, 'write')) as MergeResult;
        return {
          value: result,
          human: () =>
            [
              `Merged ${result.from.name}'s bundle: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged, ${result.conflicts} conflicts${result.documents ? `, ${result.documents} documents` : ''}.`,
              ...replacedLines(result.replacedDocuments),
              ...(result.conflicts > 0 ? ['Run `workbench conflicts` to see them and choose.'] : []),
            ].join('\n'),
        };
      }),
    );

  program
    .command('conflicts')
    .description('records edited on both sides (or deleted on one side and edited on the other), with every version; --resolve chooses')
    .option('--resolve <collection/id>', 'the conflicted record to resolve, e.g. annotations/ann-5f41…')
    .option('--take <rev>', "with --resolve: the version to keep (its revision, as listed); a deletion's revision deletes the record")
    .option('--record-file <file>', 'with --resolve: a JSON file with the combined record to keep instead')
    .action((options: { resolve?: string; take?: string; recordFile?: string }) =>
      run(async (context) => {
        if (options.resolve !== undefined) {
          const slash = options.resolve.indexOf('/');
          if (slash <= 0) throw usage('--resolve takes collection/id, as `workbench conflicts` lists them');
          if ((options.take === undefined) === (options.recordFile === undefined)) throw usage('--resolve needs either --take <rev> or --record-file <file>');
          const record = options.recordFile === undefined ? undefined : await readJson(options.recordFile);
          const collection = options.resolve.slice(0, slash);
          const id = options.resolve.slice(slash + 1);
          const result = (await context.call('team.resolveConflict', { collection, id, ...(options.take ? { rev: options.take } : { record: record as Record<string, unknown> }) }, 'write')) as { rev: string };
          return { value: result, human: () => `Resolved ${collection}/${id}: the choice is revision ${result.rev}.` };
        }
        const conflicts = (await context.call('team.conflicts', {})) as ConflictView[];
        return {
          value: conflicts,
          human: () =>
            conflicts.length === 0
              ? 'No conflicts.'
              : conflicts
                  .map((conflict) =>
                    [
                      `${conflict.collection}/${conflict.id} (${conflict.kind === 'edit-delete' ? 'deleted on one side, edited on the other' : 'edited on both sides'})`,
                      ...conflict.versions.map((version) => `  ${version.current ? '*' : ' '} ${version.rev}  ${version.author}  ${version.at}  ${version.deleted ? '(deleted)' : summary(version.record)}`),
                    ].join('\n'),
                  )
                  .join('\n') + '\n\nChoose with: workbench conflicts --resolve <collection/id> --take <rev>',
        };
      }),
    );

  program
    .command('agreement')
    .description(
      "inter-coder agreement (Cohen's kappa) between two coders, per topic and overall. The unit is the passage: a passage counts as coded with a topic by a coder when any of that coder's quotes in it carries the topic; every passage of the documents in scope counts (the --document given, else every document either coder annotated). With --include-subtopics, a quote carrying a subtopic of T counts as coded with T too.",
    )
    .option('--topic <id...>', 'the topic(s) (default: every topic either coder used)')
    .option('--document <id...>', 'the document(s) (default: every document either coder annotated)')
    .option('--coders <a,b>', 'the two coders, by user id (default: the two who annotated)')
    .option('--include-subtopics', 'a passage counts as coded with T when a quote in it carries T or any topic below T (default: T itself only)')
    .action((options: { topic?: string[]; document?: string[]; coders?: string; includeSubtopics?: boolean }) =>
      run(async (context) => {
        const coders = options.coders?.split(',').map((coder) => coder.trim());
        if (coders && coders.length !== 2) throw usage('--coders takes two user ids separated by a comma, e.g. --coders amina,besnik');
        const report = (await context.call('team.agreement', {
          ...(options.topic ? { topicIds: options.topic } : {}),
          ...(options.document ? { docIds: options.document } : {}),
          ...(coders ? { coders: coders as [string, string] } : {}),
          ...(options.includeSubtopics ? { includeSubtopics: true } : {}),
        })) as AgreementReport & { names: Record<string, string> };
        const [a, b] = report.coders.map((coder) => report.names[coder] ?? coder);
        return {
          value: report,
          human: () =>
            [
              `Cohen's kappa between ${a} and ${b} over ${report.overall.passages / Math.max(1, report.topics.length)} passages of ${report.documents.length} document(s)${report.includeSubtopics ? ', subtopics counted with their topics' : ''}:`,
              ...report.topics.map(
                (topic) => `  ${topic.topicPath}: kappa ${kappaText(topic.kappa)} (both ${topic.both}, only ${a} ${topic.onlyA}, only ${b} ${topic.onlyB}, neither ${topic.neither}; observed ${topic.observed.toFixed(3)}, chance ${topic.expected.toFixed(3)})`,
              ),
              `  overall: kappa ${kappaText(report.overall.kappa)} (both ${report.overall.both}, only ${a} ${report.overall.onlyA}, only ${b} ${report.overall.onlyB}, neither ${report.overall.neither})`,
            ].join('\n'),
        };
      }),
    );

  program
    .command('sync')
    .description(
      "push and pull through the team's CouchDB server (the replication protocol; one database per project, named by its project id). --server is saved for next time; the name and password never are: --login and --password-file, or WORKBENCH_SYNC_USER and WORKBENCH_SYNC_PASSWORD",
    )
    .option('--server <url>', "the server's address, e.g. https://couch.example.org:6984 (saved in the workspace)")
    .option('--login <name>', 'your name on the server (default: $WORKBENCH_SYNC_USER)')
    .option('--password-file <file>', 'a file holding your password (default: $WORKBENCH_SYNC_PASSWORD)')
    .action((options: { server?: string; login?: string; passwordFile?: string }) =>
      run(async (context) => {
        const username = options.login ?? process.env.WORKBENCH_SYNC_USER;
        let password = process.env.WORKBENCH_SYNC_PASSWORD;
        if (options.passwordFile !== undefined) {
          const { readFile } = await import('node:fs/promises');
          password = (await readFile(resolve(options.passwordFile), 'utf8').catch((error: NodeJS.ErrnoException) => {
            throw usage(`The password file ${options.passwordFile} could not be read (${error.code ?? error.message}).`);
          })).replace(/\r?\n$/, '');
        }
        if (username !== undefined && password === undefined) throw usage('A name needs its password: --password-file FILE or $WORKBENCH_SYNC_PASSWORD.');
        const result = (await context.call(
          'team.sync',
          { ...(options.server ? { server: options.server } : {}), ...(username !== undefined && password !== undefined ? { username, password } : {}) },
          'write',
        )) as SyncResult;
        return {
          value: result,
          human: () =>
            [
              `Synced with ${result.server} (database ${result.database}): ${result.pushed} revisions sent; ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged, ${result.conflicts} conflicts${result.documents ? `, ${result.documents} documents received` : ''}.`,
              ...result.refusedDocuments.map((refused) => refused.problem),
              ...replacedLines(result.replacedDocuments),
              ...(result.conflicts > 0 ? ['Run `workbench conflicts` to see them and choose.'] : []),
            ].join('\n'),
        };
      }),
    );

  program
    .command('users')
    .description('everyone who has written to the project (the current user first)')
    .action(() =>
      run(async (context) => {
        const result = (await context.call('team.users', {})) as TeamUsers;
        return { value: result, human: () => result.users.map((user) => `${user.current ? '*' : ' '} ${user.name} (${user.id})`).join('\n') };
      }),
    );
}

function summary(record: unknown): string {
  const text = JSON.stringify(record);
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

function usage(message: string): WorkbenchError {
  return new WorkbenchError('BAD_REQUEST', message);
}

async function readJson(file: string): Promise<unknown> {
  const { readFile } = await import('node:fs/promises');
  try {
    return JSON.parse(await readFile(resolve(file), 'utf8'));
  } catch (error) {
    throw usage(`${file} could not be read as JSON (${(error as Error).message}).`);
  }
}

/** Documents already here that a newer version (anonymised, corrected) replaced; where a losing version was kept. */
function replacedLines(replaced: ReplacedDocument[]): string[] {
  return replaced.map((document) =>
    document.keptAside
      ? `${document.docId}: both sides had rewritten it; the winning version is here now, the one this workspace had is kept in ${document.keptAside} (choose between them with \`workbench conflicts\`).`
      : `${document.docId}: brought to the newer version its sender has (anonymised or corrected since).`,
  );
}
