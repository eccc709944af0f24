import { watch, type FSWatcher } from 'node:fs';

/**
 * Notices when another process writes to the workspace (the CLI while the app runs):
 * fs.watch on the folder, debounced, plus polling, since fs.watch misses events on some
 * file systems (network shares). `onChange` only needs to be cheap when nothing changed.
 */
export class ExternalWatcher {
  private watcher: FSWatcher | undefined;
  private poll: NodeJS.Timeout | undefined;
  private pending: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly dir: string,
    private readonly onChange: () => void,
    private readonly debounceMs = 50,
  ) {}

  start(): void {
    try {
      this.watcher = watch(this.dir, { persistent: false }, (_event, name) => {
        if (typeof name === 'string' && (name.endsWith('.journal') || name.endsWith('.json'))) this.schedule();
      });
      this.watcher.on('error', () => undefined);
    } catch {
      this.watcher = undefined;
    }
    this.poll = setInterval(() => this.schedule(), this.watcher ? 5000 : 1000);
    this.poll.unref();
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    this.watcher = undefined;
    if (this.poll) clearInterval(this.poll);
    if (this.pending) clearTimeout(this.pending);
  }

  private schedule(): void {
    if (this.pending || this.stopped) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.onChange();
    }, this.debounceMs);
    this.pending.unref();
  }
}
