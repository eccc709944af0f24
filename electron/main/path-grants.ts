import { resolve } from 'node:path';
import type { MethodName } from '../core/api/contract';
import { WorkbenchError } from '../core/api/errors';

/**
 * Which files on disk the renderer may name. A sandboxed page that was compromised could
 * otherwise ask the core to import ~/.ssh/id_rsa; so main accepts a path argument only if
 * main itself saw the user choose that file: returned by a file dialog
 * (`import.pickFiles`, `team.saveBundleDialog`, `team.openBundleDialog`), or dropped on the window (the preload reports each drop's paths
 * with `webUtils.getPathForFile`, which only the preload can call). Grants last while the
 * app runs, so retrying an import (with a password, or after a duplicate question) works.
 *
 * No Electron in here, so the policy is tested in plain Node.
 */

/** Methods whose arguments name files on the user's disk, and where in the arguments. */
export const pathArguments: Partial<Record<MethodName, (args: Record<string, unknown>) => unknown[]>> = {
  'import.file': (args) => (args.transcript === undefined ? [args.path] : [args.path, args.transcript]),
  'import.addTranscript': (args) => [args.path],
  'team.exportBundle': (args) => [args.out],
  'team.mergeBundle': (args) => [args.file],
  'exchange.importProject': (args) => [args.path],
  // Without `out` the project comes back to the renderer, which saves it where the user says.
  'exchange.exportProject': (args) => (args.out === undefined ? [] : [args.out]),
  // Without `keyPath` the key comes back to the renderer, which saves it where the user says.
  'interviews.anonymise': (args) => (args.keyPath === undefined ? [] : [args.keyPath]),
};

const maxGrants = 10_000;
const maxPathLength = 4096;

export class PathGrants {
  private readonly granted = new Set<string>();

  grant(paths: readonly string[]): void {
    for (const path of paths) {
      if (typeof path !== 'string' || path.length === 0 || path.length > maxPathLength || path.includes('\0')) continue;
      // Oldest first out: a Set iterates in insertion order.
      if (this.granted.size >= maxGrants) this.granted.delete(this.granted.values().next().value!);
      this.granted.add(resolve(path));
    }
  }

  isGranted(path: unknown): boolean {
    return typeof path === 'string' && path.length > 0 && path.length <= maxPathLength && this.granted.has(resolve(path));
  }

  /** Throws FORBIDDEN when a call names a file the user did not choose in this session. */
  check(method: unknown, args: unknown): void {
    const paths = typeof method === 'string' ? pathArguments[method as MethodName] : undefined;
    if (!paths) return;
    const record = typeof args === 'object' && args !== null ? (args as Record<string, unknown>) : {};
    for (const path of paths(record)) {
      if (!this.isGranted(path)) {
        throw new WorkbenchError(
          'FORBIDDEN',
          'Refused: the app only opens files you chose in the Import dialog or dropped on its window. Choose the file with Import… and try again.',
        );
      }
    }
  }
}

/** The preload's report of a drop: a list of absolute paths, checked before anything is granted. */
export function droppedPaths(message: unknown): string[] {
  if (!Array.isArray(message) || message.length > 1000) return [];
  return message.filter((path): path is string => typeof path === 'string' && path.length > 0 && path.length <= maxPathLength && !path.includes('\0'));
}
