import { resolve } from 'node:path';
import type { ArgsOf, MethodName } from '../api/contract';
import { invokeOrThrow } from '../api/dispatch';
import type { Core } from '../core';
import { checkoutResourcesDir, defaultWorkspaceDir } from '../paths';
import type { Output } from './output';

export interface GlobalOptions {
  workspace?: string;
  json?: boolean;
}

/** What a command needs: one core over the chosen workspace, opened only when used. */
export class CliContext {
  private core: Core | undefined;

  constructor(
    readonly options: GlobalOptions,
    readonly output: Output,
  ) {}

  get workspaceDir(): string {
    return this.options.workspace ? resolve(this.options.workspace) : defaultWorkspaceDir();
  }

  /** Reading commands open the workspace read-only (no lock), so they work while the app runs. */
  async call<M extends MethodName>(method: M, args: ArgsOf<M>, access: 'read' | 'write' = 'read'): Promise<unknown> {
    // Imported here, not at the top: `--help` and usage errors answer without loading the core.
    const { createCore } = await import('../core');
    this.core ??= await createCore({
      workspaceDir: this.workspaceDir,
      resourcesDir: checkoutResourcesDir(),
      holder: 'the workbench CLI',
      readOnly: access === 'read',
      deferSearch: true,
    });
    return invokeOrThrow(this.core.dispatch, method, args);
  }

  async close(): Promise<void> {
    await this.core?.close();
  }
}
