import type { Command } from 'commander';
import type { WorkspaceIdentity, WorkspaceUser } from '../../store';
import type { CliAction } from '../program';

/** Who writes to the workspace: shown, or changed with --name. */
export function registerUserCommand(program: Command, run: CliAction): void {
  program
    .command('user')
    .description("the workspace's project id and current user (the author of what is written); --name changes the user")
    .option('--name <name>', 'make this the current user (a writing command)')
    .option('--id <id>', 'with --name: the user id (lower case letters, digits, dashes); kept as it is by default')
    .action((options: { name?: string; id?: string }) =>
      run(async (context) => {
        if (options.name !== undefined) {
          const user = (await context.call('app.setUser', { name: options.name, ...(options.id ? { id: options.id } : {}) }, 'write')) as WorkspaceUser;
          return { value: user, human: () => `The current user is now ${user.name} (${user.id}).` };
        }
        const identity = (await context.call('app.identity', {})) as WorkspaceIdentity & { actingAs: WorkspaceUser };
        return {
          value: identity,
          human: () => [`project: ${identity.projectId}`, `user: ${identity.user.name} (${identity.user.id})`, ...(identity.actingAs.id !== identity.user.id ? [`acting as: ${identity.actingAs.name} (${identity.actingAs.id})`] : [])].join('\n'),
        };
      }),
    );
}
