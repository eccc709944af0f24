import type { Command } from 'commander';
import type { CliAction } from '../program';

/** CLI commands of the drafts area. */
export function registerDraftsCommands(_program: Command, _run: CliAction): void {}
