import { WorkbenchError } from '../core/api/errors';

/**
 * What the app does when the workspace cannot be opened at start: it never exits silently.
 * It says what happened and offers the ways out that can work for that failure: open the
 * workspace read-only (while another program holds it, or where it cannot be written), try
 * again (the store's lock takes over a lock whose process is gone; a folder whose
 * permissions were fixed opens), choose another workspace folder, or quit.
 *
 * Pure functions (no Electron), so the decisions are tested in plain Node. They look only
 * at the error's code and message, never at how the store or its lock work inside.
 */
export type StartupChoice = 'read-only' | 'retry' | 'choose-workspace' | 'quit';

export interface StartupAttempt {
  workspaceDir: string;
  readOnly: boolean;
}

export interface StartupFailureDialog {
  type: 'error' | 'warning';
  title: string;
  /** What happened, in a sentence or two. */
  message: string;
  /** Where, and what each way out does. */
  detail: string;
  /** In button order; the dialog's answer is an index into this. */
  choices: StartupChoice[];
  buttons: string[];
  defaultId: number;
  /** Escape and closing the dialog: quit. */
  cancelId: number;
}

const buttonLabels: Record<StartupChoice, string> = {
  'read-only': 'Open Read-Only',
  retry: 'Try Again',
  'choose-workspace': 'Choose Another Workspace…',
  quit: 'Quit',
};

const explanations: Record<StartupChoice, string> = {
  'read-only': 'Open Read-Only shows everything in this workspace but saves nothing.',
  retry: 'Try Again opens it again (a lock left by a program that has ended is taken over).',
  'choose-workspace': 'Choose Another Workspace… opens a different folder, or starts a new one.',
  quit: 'Quit closes Field Workbench; nothing in the workspace was changed.',
};

interface FailureKind {
  title: string;
  choices: StartupChoice[];
  type?: 'error' | 'warning';
}

const permissionCodes = new Set(['EACCES', 'EPERM', 'EROFS']);
const missingCodes = new Set(['ENOENT', 'ENOTDIR']);

function kindOf(error: unknown): FailureKind {
  const code = error instanceof WorkbenchError ? error.code : (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'LOCKED':
      return { type: 'warning', title: 'The workspace is open in another program', choices: ['retry', 'read-only', 'choose-workspace', 'quit'] };
    case 'CONFLICT':
      return { title: 'The workspace was saved by a newer Field Workbench', choices: ['choose-workspace', 'quit'] };
    case 'CORRUPT':
      return { title: 'The workspace is damaged', choices: ['retry', 'choose-workspace', 'quit'] };
    case 'BAD_REQUEST':
      return { title: 'The workspace folder cannot be used', choices: ['choose-workspace', 'quit'] };
  }
  if (code && permissionCodes.has(code)) return { title: 'The workspace folder cannot be written', choices: ['read-only', 'retry', 'choose-workspace', 'quit'] };
  if (code && missingCodes.has(code)) return { title: 'The workspace folder cannot be found', choices: ['retry', 'choose-workspace', 'quit'] };
  return { title: 'Field Workbench could not open the workspace', choices: ['retry', 'choose-workspace', 'quit'] };
}

function describeError(error: unknown): string {
  if (error instanceof WorkbenchError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Opening the workspace failed: ${message}`;
}

/** The dialog for a failed start: what happened and the ways out that fit it. */
export function startupFailureDialog(error: unknown, attempt: StartupAttempt): StartupFailureDialog {
  const kind = kindOf(error);
  // Read-only was tried and failed too: offering it again would only loop.
  const choices = attempt.readOnly ? kind.choices.filter((choice) => choice !== 'read-only') : kind.choices;
  const where = `Workspace: ${attempt.workspaceDir}${attempt.readOnly ? ' (read-only)' : ''}`;
  return {
    type: kind.type ?? 'error',
    title: kind.title,
    message: describeError(error),
    detail: [where, '', ...choices.map((choice) => explanations[choice])].join('\n'),
    choices,
    buttons: choices.map((choice) => buttonLabels[choice]),
    defaultId: 0,
    cancelId: choices.indexOf('quit'),
  };
}

export interface StartupDependencies<T> {
  open(attempt: StartupAttempt): Promise<T>;
  /** Shows the dialog; resolves to the index of the button pressed. */
  ask(dialog: StartupFailureDialog): Promise<number>;
  /** Lets the user pick a folder; undefined when they cancel. */
  chooseFolder(): Promise<string | undefined>;
}

/**
 * Opens the workspace, and on failure asks until it opens or the user quits. Resolves to
 * what `open` returned and the attempt that worked, or undefined when the user quit.
 */
export async function openWithRecovery<T>(first: StartupAttempt, dependencies: StartupDependencies<T>): Promise<{ opened: T; attempt: StartupAttempt } | undefined> {
  let attempt = first;
  for (;;) {
    try {
      return { opened: await dependencies.open(attempt), attempt };
    } catch (error) {
      const dialog = startupFailureDialog(error, attempt);
      const choice = dialog.choices[await dependencies.ask(dialog)] ?? 'quit';
      if (choice === 'quit') return undefined;
      if (choice === 'read-only') attempt = { ...attempt, readOnly: true };
      if (choice === 'choose-workspace') {
        const folder = await dependencies.chooseFolder();
        if (folder) attempt = { workspaceDir: folder, readOnly: false };
      }
    }
  }
}
