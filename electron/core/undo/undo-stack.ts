/**
 * Undo/redo of user edits. A command knows how to do and undo itself; both may write to
 * disk, so both are async. Operations are queued so that an undo pressed while a save is
 * still in flight applies after it, never interleaved with it.
 */
export interface Command<T = void> {
  /** Shown in the menu: "Undo Create annotation". */
  readonly label: string;
  /** Called once on execute and again on every redo; must give the same outcome. */
  do(): Promise<T>;
  undo(): Promise<void>;
}

export interface UndoStackOptions {
  /** Oldest commands are forgotten beyond this many. */
  limit?: number;
}

export class UndoStack {
  private readonly done: Array<Command<unknown>> = [];
  private readonly undone: Array<Command<unknown>> = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly limit: number;

  constructor(options: UndoStackOptions = {}) {
    this.limit = options.limit ?? 200;
  }

  /** Runs the command and records it; a command that fails is not recorded. */
  execute<T>(command: Command<T>): Promise<T> {
    return this.enqueue(async () => {
      const result = await command.do();
      this.done.push(command as Command<unknown>);
      if (this.done.length > this.limit) this.done.shift();
      // A new edit starts a new branch of history: what was undone can no longer be redone.
      this.undone.length = 0;
      return result;
    });
  }

  /** Undoes the latest command; false when there is nothing to undo. */
  undo(): Promise<boolean> {
    return this.enqueue(async () => {
      const command = this.done.at(-1);
      if (!command) return false;
      await command.undo();
      this.done.pop();
      this.undone.push(command);
      return true;
    });
  }

  /** Redoes the latest undone command; false when there is nothing to redo. */
  redo(): Promise<boolean> {
    return this.enqueue(async () => {
      const command = this.undone.at(-1);
      if (!command) return false;
      await command.do();
      this.undone.pop();
      this.done.push(command);
      return true;
    });
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Labels of what undo and redo would do next, for the Edit menu. */
  get nextUndoLabel(): string | undefined {
    return this.done.at(-1)?.label;
  }

  get nextRedoLabel(): string | undefined {
    return this.undone.at(-1)?.label;
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    // Keep the queue going after a failure; the caller still sees the rejection.
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Runs a command through the stack when there is one, or directly (CLI, imports). */
export function runCommand<T>(stack: UndoStack | undefined, command: Command<T>): Promise<T> {
  return stack ? stack.execute(command) : command.do();
}
