import { resolve } from 'node:path';
import type { ArgsOf, MethodName } from '../api/contract';
import { invokeOrThrow } from '../api/invoke';
import { WorkbenchError } from '../api/errors';
import type { Core } from '../core';
import { checkoutResourcesDir, defaultWorkspaceDir } from '../paths';
import type { Output } from './output';

export interface GlobalOptions {
  workspace?: string;
  json?: boolean;
  /** Write as this user for this command (the workspace's current user otherwise). */
  user?: string;
  /** Seconds a write waits for another writer (the app, another command) before giving up. */
  wait?: string;
}

/** What a command needs: one core over the chosen workspace, opened only when used. */
export class CliContext {
  private core: Core | undefined;
  private toldNotices = 0;

  constructor(
    readonly options: GlobalOptions,
    readonly output: Output,
  ) {}

  get workspaceDir(): string {
    return this.options.workspace ? resolve(this.options.workspace) : defaultWorkspaceDir();
  }

  /**
   * Reading commands open the workspace read-only (no lock, nothing written), so they work
   * while the app runs. Writing commands take the lock for each write only, waiting their
   * turn behind the app or another command.
   */
  async call<M extends MethodName>(method: M, args: ArgsOf<M>, access: 'read' | 'write' = 'read'): Promise<unknown> {
    this.core ??= await this.open(access);
    try {
      return await invokeOrThrow(this.core.dispatch, method, args);
    } finally {
      this.tellNotices();
    }
  }

  async close(): Promise<void> {
    await this.core?.close();
    this.tellNotices();
  }

  private async open(access: 'read' | 'write'): Promise<Core> {
    // Imported here, not at the top: `--help` and usage errors answer without loading the core.
    const { createCore } = await import('../core');
    const { userIdFor } = await import('../store/identity');
    const { lockWaitFromEnvironment } = await import('../store/lock');
    const name = this.options.user?.trim();
    const core = await createCore({
      workspaceDir: this.workspaceDir,
      resourcesDir: checkoutResourcesDir(),
      holder: 'the workbench CLI',
      readOnly: access === 'read',
      deferSearch: true,
      lockWaitMs: this.options.wait === undefined ? lockWaitFromEnvironment() : waitMs(this.options.wait),
      onLockWait: (holder) => this.output.stderr(`workbench: waiting for ${holder.holder} (process ${holder.pid}) to finish writing…`),
      ...(name ? { actAs: { id: userIdFor(name), name } } : {}),
    });
    this.core = core;
    this.tellNotices();
    return core;
  }

  /** Every repair the store made is one line on stderr, for reading commands too. */
  private tellNotices(): void {
    const notices = this.core?.workspace.notices ?? [];
    for (const notice of notices.slice(this.toldNotices)) this.output.stderr(`workbench: ${notice.message.replace(/\s+/g, ' ')}`);
    this.toldNotices = notices.length;
  }
}

function waitMs(seconds: string): number {
  const value = Number(seconds);
  if (!Number.isFinite(value) || value < 0 || value > 24 * 3600) {
    throw new WorkbenchError('BAD_REQUEST', `--wait takes a number of seconds (0 to 86400), not "${seconds}".`);
  }
  return Math.round(value * 1000);
}
