import { Command, CommanderError } from 'commander';
import packageJson from '../../../package.json';
import { toSerializedError } from '../api/errors';
// Each area's commands come from its `cli.ts`, so `--help` answers without loading the areas.
import { registerAnnotationsCommands } from '../annotations/cli';
import { registerDraftsCommands } from '../drafts/cli';
import { registerImportCommands } from '../import/cli';
import { registerSearchCommands } from '../search/cli';
import { registerTeamCommands } from '../team/cli';
import { registerCorpusCommands } from './commands/corpus';
import { registerInfo } from './commands/info';
import { registerMetadataCommands } from '../metadata-edits/cli';
import { registerUserCommand } from './commands/user';
import { registerEvidenceCommands } from '../evidence/cli';
import { registerExchangeCommands } from '../exchange/cli';
import { registerReferencesCommands } from '../references/cli';
import { registerInterviewsCommands } from '../interviews/cli';
import { CliContext } from './context';
import type { GlobalOptions } from './context';
import { printError, printResult } from './output';
import type { Output } from './output';

export interface CommandOutcome {
  value: unknown;
  human: () => string;
}
export type CliAction = (body: (context: CliContext) => Promise<CommandOutcome>) => Promise<void>;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes: 0 success, 1 the command failed, 2 bad usage. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('workbench');
  const wantsJson = argv.includes('--json');
  program
    .description('Field Workbench on the command line: the same core as the app, over a workspace folder.')
    .version(packageJson.version)
    .option('--workspace <dir>', "workspace folder (default: the app's own workspace)")
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--user <name>', "write as this user for this command (default: the workspace's current user)")
    .option('--wait <seconds>', 'how long a write waits for another writer (the app, another command) before giving up (default 30, or $WORKBENCH_LOCK_WAIT)')
    .showHelpAfterError('(run `workbench --help` for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text.trimEnd()), writeErr: (text) => io.stderr(text.trimEnd()) });

  const run: CliAction = async (body) => {
    const options = program.opts<GlobalOptions>();
    const output: Output = { json: Boolean(options.json), ...io };
    const context = new CliContext(options, output);
    try {
      const outcome = await body(context);
      printResult(output, outcome.value, outcome.human);
    } catch (error) {
      printError(output, toSerializedError(error));
      exitCode = 1;
    } finally {
      await context.close();
    }
  };

  registerInfo(program, run);
  registerUserCommand(program, run);
  registerCorpusCommands(program, run);
  registerMetadataCommands(program, run);
  registerSearchCommands(program, run);
  registerAnnotationsCommands(program, run);
  registerDraftsCommands(program, run);
  registerImportCommands(program, run);
  registerEvidenceCommands(program, run);
  registerTeamCommands(program, run);
  registerExchangeCommands(program, run);
  registerReferencesCommands(program, run);
  registerInterviewsCommands(program, run);
  for (const command of program.commands) command.exitOverride().showHelpAfterError('(run `workbench --help` for usage)');

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (wantsJson) io.stdout(JSON.stringify({ error: { code: 'USAGE', message: error.message } }));
      return 2;
    }
    throw error;
  }
  return exitCode;
}
