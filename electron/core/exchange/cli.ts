import { resolve } from 'node:path';
import type { Command } from 'commander';
import { WorkbenchError } from '../api/errors';
import type { CliAction } from '../cli/program';
import type { ExportedProjectFile } from './methods';

/** `workbench export project --format qdpx --out FILE`; `workbench import FILE.qdpx|.qdc` goes through the import command. */
export function registerExchangeCommands(program: Command, run: CliAction): void {
  const exportCommand = program.commands.find((command) => command.name() === 'export') ?? program.command('export').description('write workspace content to a file');
  exportCommand
    .command('project')
    .description('the whole project (users, codebook, sources, coded quotes, notes) as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA and QualCoder')
    .requiredOption('--format <format>', 'qdpx')
    .requiredOption('--out <file>', 'where to write, e.g. project.qdpx')
    .action((options: { format: string; out: string }) =>
      run(async (context) => {
        if (options.format !== 'qdpx') throw new WorkbenchError('BAD_REQUEST', `Unknown project format "${options.format}". Use qdpx.`);
        const value = (await context.call('exchange.exportProject', { format: 'qdpx', out: resolve(options.out) })) as ExportedProjectFile;
        return {
          value,
          human: () =>
            `Wrote ${value.file}: ${value.sources} sources, ${value.codes} codes, ${value.selections} coded selections, ${value.notes} notes, ${value.users} users (${Math.ceil(value.bytes / 1024)} kB).` +
            (value.left.length > 0 ? `\nLeft out: ${value.left.join('; ')}.` : ''),
        };
      }),
    );
}
