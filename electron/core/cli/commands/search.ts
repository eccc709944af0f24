import type { Command } from 'commander';
import type { CliAction } from '../program';

/** CLI commands of the search area. */
export function registerSearchCommands(_program: Command, _run: CliAction): void {}
