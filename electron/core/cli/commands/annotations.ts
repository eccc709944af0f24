import type { Command } from 'commander';
import type { CliAction } from '../program';

/** CLI commands of the annotations area. */
export function registerAnnotationsCommands(_program: Command, _run: CliAction): void {}
