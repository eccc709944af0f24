import { InvalidArgumentError, type Command } from 'commander';
import type { EntityType, EventKind } from '../corpus/schema';
import type { EntityNetwork, EventsResult, EvidenceFile, FigureGroup } from './index';
import { table } from '../cli/output';
import type { CliAction } from '../cli/program';
import { registerEventEditCommands } from './event-cli';
import { collect } from '../cli/options';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`a whole number of passages, 1 or more (not "${value}").`);
  return n;
}

/** `--csv`: the view's data as the CSV the app exports, on stdout (with --json: the file's name, type and text). */
function csvOutcome(file: EvidenceFile) {
  return { value: file, human: () => file.text.trimEnd() };
}

/** CLI commands of the evidence area: events, figures compared, the entity network. */
export function registerEvidenceCommands(program: Command, run: CliAction): void {
  registerEventEditCommands(program, run);
  program
    .command('events')
    .description('dated events merged across the papers, with their sources (EDTF dates at the papers’ precision)')
    .option('--doc <docId>', 'only events this paper speaks of (repeatable: any of them)', collect)
    .option('--entity <entityId>', 'only events naming this entity (repeatable: all of them)', collect)
    .option('--kind <kind>', 'only this kind (repeatable): security-incident, military, agreement, election, diplomatic, legal, institutional, economic, meeting, other', collect)
    .option('--from <date>', 'only events ending on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'only events starting on or before this date')
    .option('--csv', 'print CSV (one row per event and paper)')
    .action((options: { doc?: string[]; entity?: string[]; kind?: string[]; from?: string; to?: string; csv?: boolean }) =>
      run(async (context) => {
        const filters = {
          ...(options.doc ? { docIds: options.doc } : {}),
          ...(options.entity ? { entityIds: options.entity } : {}),
          ...(options.kind ? { kinds: options.kind as EventKind[] } : {}),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
        };
        if (options.csv) return csvOutcome((await context.call('evidence.exportCsv', { view: 'timeline', filters })) as EvidenceFile);
        const { events } = (await context.call('evidence.events', filters)) as EventsResult;
        return {
          value: events,
          human: () =>
            events.map((e) => `${e.dateLabel.padEnd(24)} ${e.title}  [${e.kind}; ${e.sources.map((s) => s.docId).join(', ')}]`).join('\n') || '(no events)',
        };
      }),
    );

  program
    .command('figures')
    .description('figures grouped by what they measure; groups where the papers disagree first')
    .option('--doc <docId>', 'only figures from this paper (repeatable)', collect)
    .option('--entity <entityId>', "only this entity's figures")
    .option('--differ', 'only groups whose papers give different values')
    .option('--csv', 'print CSV (one row per figure)')
    .action((options: { doc?: string[]; entity?: string; differ?: boolean; csv?: boolean }) =>
      run(async (context) => {
        const filters = { ...(options.doc ? { docIds: options.doc } : {}), ...(options.entity ? { entityId: options.entity } : {}), ...(options.differ ? { differOnly: true } : {}) };
        if (options.csv) return csvOutcome((await context.call('evidence.exportCsv', { view: 'figures', filters })) as EvidenceFile);
        const groups = (await context.call('evidence.figures', filters)) as FigureGroup[];
        return {
          value: groups,
          human: () =>
            groups
              .map((g) => [`${g.differ ? '≠ ' : '  '}${g.subject}`, ...g.figures.map((f) => `    ${f.label}${f.asOfLabel ? ` (${f.asOfLabel})` : ''}  ${f.docId}  ${f.passageId}`)].join('\n'))
              .join('\n') || '(no figures)',
        };
      }),
    );

  program
    .command('network')
    .description('entities named together in a passage: nodes weighted by mentions, edges by shared passages')
    .option('--doc <docId>', 'only passages of this paper (repeatable)', collect)
    .option('--type <type>', 'only entities of this type (repeatable): person, organisation, place, event, law-or-agreement, strategy', collect)
    .option('--min-weight <n>', 'only edges shared by at least this many passages (default 1)', positiveInteger)
    .option('--csv', 'print the edge list as CSV')
    .action((options: { doc?: string[]; type?: string[]; minWeight?: number; csv?: boolean }) =>
      run(async (context) => {
        const filters = { ...(options.doc ? { docIds: options.doc } : {}), ...(options.type ? { types: options.type as EntityType[] } : {}), ...(options.minWeight ? { minWeight: options.minWeight } : {}) };
        if (options.csv) return csvOutcome((await context.call('evidence.exportCsv', { view: 'network', filters })) as EvidenceFile);
        const value = (await context.call('evidence.network', filters)) as EntityNetwork;
        return {
          value,
          human: () =>
            `${value.nodes.length} entities, ${value.edges.length} co-mentions\n\n` +
            table(value.edges.slice(0, 50), [
              { key: 'source', label: 'ENTITY' },
              { key: 'target', label: 'ENTITY' },
              { key: 'weight', label: 'PASSAGES' },
            ]),
        };
      }),
    );
}
