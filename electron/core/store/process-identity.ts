import { readFileSync } from 'node:fs';

/**
 * Telling a live lock holder from a dead one. A process id alone is not enough: after a
 * crash the id can be reused by an unrelated process. On Linux the start time of a process
 * (field 22 of /proc/<pid>/stat, in clock ticks since boot) tells them apart; elsewhere we
 * can only ask whether some process has that id.
 */

export function processStartTime(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command name) is in parentheses and may itself contain spaces or ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state), so field 22 is fields[19].
    return fields[19];
  } catch {
    return undefined;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when `pid` is running and is the process that started at `startTime` (when known). */
export function isSameProcessRunning(pid: number, startTime: string | undefined): boolean {
  if (!isProcessAlive(pid)) return false;
  if (startTime === undefined) return true;
  const current = processStartTime(pid);
  return current === undefined || current === startTime;
}
