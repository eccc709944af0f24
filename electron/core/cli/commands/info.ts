import type { Command } from 'commander';
import type { AppInfo } from '../../api/methods/app';
import type { CliAction } from '../program';

export function registerInfo(program: Command, run: CliAction): void {
  program
    .command('info')
    .description('version, workspace path, schema versions and counts of what the workspace holds')
    .action(() =>
      run(async (context) => {
        const info = (await context.call('app.info', {})) as AppInfo;
        return {
          value: info,
          human: () =>
            [
              `${info.name} ${info.version}`,
              `workspace: ${info.workspace}`,
              `project: ${info.projectId}`,
              `user: ${info.user.name} (${info.user.id})`,
              `schema versions: ${Object.entries(info.schemaVersions).map(([name, version]) => `${name} ${version}`).join(', ')}`,
              ...Object.entries(info.counts).map(([name, count]) => `${name}: ${count}`),
            ].join('\n'),
        };
      }),
    );
}
