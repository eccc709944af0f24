import type { Command } from 'commander';
import type { CliAction } from '../program';

/** CLI commands of the import area. */
export function registerImportCommands(_program: Command, _run: CliAction): void {}
