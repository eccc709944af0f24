import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../electron/core/api/errors';
import { openWithRecovery, startupFailureDialog, type StartupAttempt, type StartupChoice, type StartupFailureDialog } from '../../../electron/main/startup-failure';

const attempt: StartupAttempt = { workspaceDir: '/home/ana/.config/Field Workbench/workspace', readOnly: false };
const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('the start-up failure dialog', () => {
  it('for a workspace locked by another program: says who holds it and offers retry, read-only, another workspace, quit', () => {
    const error = new WorkbenchError('LOCKED', 'The workspace /w is open in the workbench CLI (process 4242) since 2026-12-04T10:00:00Z. Close it there and try again.');
    const dialog = startupFailureDialog(error, attempt);
    expect(dialog.title).toBe('The workspace is open in another program');
    expect(dialog.message).toContain('process 4242');
    expect(dialog.choices).toEqual(['retry', 'read-only', 'choose-workspace', 'quit']);
    expect(dialog.buttons).toEqual(['Try Again', 'Open Read-Only', 'Choose Another Workspace…', 'Quit']);
    expect(dialog.detail).toContain(attempt.workspaceDir);
    expect(dialog.buttons[dialog.cancelId]).toBe('Quit');
  });

  it('for a workspace written by a newer app: no retry or read-only, which would fail the same way', () => {
    const dialog = startupFailureDialog(new WorkbenchError('CONFLICT', 'annotations.json was written by a newer Field Workbench (schema 3; this version reads up to 1). Update the app to open this workspace.'), attempt);
    expect(dialog.choices).toEqual(['choose-workspace', 'quit']);
    expect(dialog.message).toContain('Update the app');
  });

  it('for a folder that cannot be written: read-only first; for one that cannot be read at all: never read-only again', () => {
    const writeRefused = startupFailureDialog(errno('EACCES', "EACCES: permission denied, open '/w/.workbench.lock'"), attempt);
    expect(writeRefused.title).toBe('The workspace folder cannot be written');
    expect(writeRefused.choices[0]).toBe('read-only');
    expect(writeRefused.message).toContain('permission denied');
    const readOnlyFailed = startupFailureDialog(errno('EACCES', "EACCES: permission denied, open '/w/annotations.json'"), { ...attempt, readOnly: true });
    expect(readOnlyFailed.choices).toEqual(['retry', 'choose-workspace', 'quit']);
    expect(readOnlyFailed.detail).toContain('(read-only)');
  });

  it('for damage, a file in place of the folder, and anything unexpected: a way out every time', () => {
    expect(startupFailureDialog(new WorkbenchError('CORRUPT', 'x'), attempt).choices).toEqual(['retry', 'choose-workspace', 'quit']);
    expect(startupFailureDialog(new WorkbenchError('BAD_REQUEST', 'The workspace path /w is a file, not a folder. Choose a folder.'), attempt).choices).toEqual(['choose-workspace', 'quit']);
    const unexpected = startupFailureDialog(new TypeError('Cannot read properties of undefined'), attempt);
    expect(unexpected.title).toBe('Field Workbench could not open the workspace');
    expect(unexpected.message).toBe('Opening the workspace failed: Cannot read properties of undefined');
    expect(unexpected.choices).toContain('quit');
    expect(startupFailureDialog('a string was thrown', attempt).message).toContain('a string was thrown');
  });
});

describe('opening with recovery', () => {
  /** Scripted answers: each failed attempt is recorded with the dialog shown for it. */
  function script(outcomes: Array<Error | 'ok'>, answers: StartupChoice[], folder?: string) {
    const attempts: StartupAttempt[] = [];
    const dialogs: StartupFailureDialog[] = [];
    const result = openWithRecovery(attempt, {
      open: async (tried) => {
        attempts.push(tried);
        const outcome = outcomes.shift();
        if (outcome === undefined) throw new Error('opened too often');
        if (outcome !== 'ok') throw outcome;
        return `core over ${tried.workspaceDir}`;
      },
      ask: async (dialog) => {
        dialogs.push(dialog);
        return dialog.choices.indexOf(answers.shift() ?? 'quit');
      },
      chooseFolder: async () => folder,
    });
    return { result, attempts, dialogs };
  }

  it('opens read-only when the user says so after a lock', async () => {
    const { result, attempts } = script([new WorkbenchError('LOCKED', 'held'), 'ok'], ['read-only']);
    expect(await result).toEqual({ opened: `core over ${attempt.workspaceDir}`, attempt: { ...attempt, readOnly: true } });
    expect(attempts.map((tried) => tried.readOnly)).toEqual([false, true]);
  });

  it('retries until the lock is gone, then opens for writing', async () => {
    const locked = new WorkbenchError('LOCKED', 'held');
    const { result, attempts } = script([locked, locked, 'ok'], ['retry', 'retry']);
    expect((await result)?.attempt).toEqual(attempt);
    expect(attempts).toHaveLength(3);
  });

  it('opens another folder the user chooses; asks again if they cancel the folder dialog', async () => {
    const chosen = script([new WorkbenchError('CONFLICT', 'newer'), 'ok'], ['choose-workspace'], '/home/ana/other-workspace');
    expect((await chosen.result)?.attempt).toEqual({ workspaceDir: '/home/ana/other-workspace', readOnly: false });
    const cancelled = script([new WorkbenchError('CONFLICT', 'newer'), new WorkbenchError('CONFLICT', 'newer')], ['choose-workspace', 'quit']);
    expect(await cancelled.result).toBeUndefined();
    expect(cancelled.dialogs).toHaveLength(2);
  });

  it('quits, having changed nothing, when the user quits or closes the dialog', async () => {
    const { result, attempts } = script([new WorkbenchError('CORRUPT', 'damaged')], ['quit']);
    expect(await result).toBeUndefined();
    expect(attempts).toHaveLength(1);
    const closed = openWithRecovery(attempt, { open: async () => Promise.reject(new Error('x')), ask: async (dialog) => dialog.cancelId, chooseFolder: async () => undefined });
    expect(await closed).toBeUndefined();
  });
});
