import { createHash, randomBytes } from 'node:crypto';
import { existsSync, linkSync, lstatSync, openSync, closeSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkbenchError } from '../api/errors';
import { isSameProcessRunning, processStartTime } from './process-identity';

/**
 * One writer at a time, for as long as one write batch takes (milliseconds), so the app and
 * the CLI take turns instead of refusing each other. Readers never need it.
 *
 * The lock file is created whole and atomically (written to a temporary name, then
 * `link`ed into place, which fails if a lock exists), so nobody ever reads half a lock. It
 * records who holds it: process id and start time (a reused process id is not the same
 * process), host, a label for people, and a nonce.
 *
 * A lock whose process is gone is taken over. Only one process may take over a given stale
 * lock: it must first create `.workbench.lock.claim-<nonce>` exclusively; it then replaces
 * the stale file with its own by rename. The claim stays for a minute so that a slow
 * contender that saw the same stale lock cannot claim it again.
 *
 * A writer that has to wait says so by creating `.workbench.lock.waiting` (one empty file,
 * whoever made it): a process that keeps the lock between batches (held-lock.ts) lets go as
 * soon as it sees it. Whoever takes the lock next removes it; writers still waiting make it
 * again at their next try.
 */
export interface LockInfo {
  pid: number;
  /** Linux: /proc/<pid>/stat field 22; absent elsewhere. */
  startTime?: string;
  hostname: string;
  /** Shown to people: "the Field Workbench app", "the workbench CLI". */
  holder: string;
  since: string;
  nonce: string;
}

export const lockFileName = '.workbench.lock';
const claimPrefix = `${lockFileName}.claim-`;
export const waitingFileName = `${lockFileName}.waiting`;
const candidateSuffix = '.candidate';
/** Well under `foreignLockTimeoutMs`. */
const candidateLifetimeMs = 2 * 60 * 1000;
/** Every candidate this process has made and not removed, removed at exit. */
const liveCandidates = new Set<string>();
process.once('exit', () => {
  for (const path of liveCandidates) unlinkQuietly(path);
});
/** A lock from another machine (shared folder) cannot be checked; one this old is abandoned. */
const foreignLockTimeoutMs = 10 * 60 * 1000;
const claimLifetimeMs = 60 * 1000;
export const defaultLockWaitMs = 30_000;

/**
 * The wait set in the environment (`WORKBENCH_LOCK_WAIT`, in seconds), for the app, which
 * has no command line; the CLI's `--wait` takes precedence over it.
 */
export function lockWaitFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const seconds = Number(env.WORKBENCH_LOCK_WAIT);
  return env.WORKBENCH_LOCK_WAIT && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
}

export interface LockLease {
  readonly info: LockInfo;
  /** How long acquiring waited for other writers. */
  readonly waitedMs: number;
  release(): void;
  /** True while the lock on disk is still this lease's (nobody took it over or removed it). */
  isHeld(): boolean;
}

export interface AcquireOptions {
  /** How long to wait for other writers before failing with LOCKED. */
  waitMs?: number;
  /** Called once if the wait goes on for a second, e.g. for the CLI to say why it pauses. */
  onWait?: (holder: LockInfo) => void;
}

const ownStartTime = processStartTime(process.pid);
const ownHost = hostname();

export class WorkspaceLock {
  readonly path: string;
  private readonly waitingPath: string;
  private candidate: { path: string; info: LockInfo; identity: FileIdentity; madeAt: number } | undefined;

  constructor(
    private readonly dir: string,
    private readonly holder: string,
  ) {
    this.path = join(dir, lockFileName);
    this.waitingPath = join(dir, waitingFileName);
  }

  /** Waits for the lock, up to `waitMs`; then fails with LOCKED naming who holds it. */
  async acquire(options: AcquireOptions = {}): Promise<LockLease> {
    const waitMs = options.waitMs ?? defaultLockWaitMs;
    const started = Date.now();
    let told = false;
    let pause = 2;
    for (;;) {
      const attempt = this.tryAcquire();
      if ('release' in attempt) {
        // Our wait (if any) is over; others still waiting say so again at their next try.
        if (this.othersWaiting()) unlinkQuietly(this.waitingPath);
        return { ...attempt, waitedMs: Date.now() - started };
      }
      const waited = Date.now() - started;
      if (waited >= waitMs) {
        if (this.othersWaiting()) unlinkQuietly(this.waitingPath);
        const holder = attempt.holder;
        throw new WorkbenchError(
          'LOCKED',
          holder
            ? `The workspace ${this.dir} is busy: ${holder.holder} (process ${holder.pid} on ${holder.hostname}) has been writing to it since ${holder.since}, and ${Math.round(waited / 1000)} s of waiting were not enough. Try again, or wait longer (--wait SECONDS).`
            : `The workspace ${this.dir} could not be locked for writing within ${Math.round(waited / 1000)} s. Try again.`,
          holder ? { holder } : undefined,
        );
      }
      this.signalWaiting();
      if (!told && waited >= 1000 && attempt.holder) {
        told = true;
        options.onWait?.(attempt.holder);
      }
      // Batches are short: poll often at first, then back off a little, with jitter so
      // waiting writers do not all retry at the same instant.
      await sleep(Math.min(pause, waitMs - waited) + Math.random() * pause);
      pause = Math.min(pause * 2, 40);
    }
  }

  /** One attempt: the lease, or who holds the lock (undefined when unreadable). */
  tryAcquire(): Omit<LockLease, 'waitedMs'> | { holder: LockInfo | undefined } {
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = this.ownCandidate();
      try {
        linkSync(candidate.path, this.path);
        return this.lease(candidate.info, candidate.identity);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          // Our candidate was removed under us (someone tidied the folder): make another.
          this.forgetCandidate();
          continue;
        }
        if (code !== 'EEXIST') throw error;
      }
      const existing = readLock(this.path);
      if (existing === 'gone') continue; // released in between: try again at once
      if (!isStale(existing)) return { holder: existing.info };
      const taken = this.takeOver(existing);
      if (taken) return taken;
      return { holder: existing.info };
    }
    return { holder: undefined };
  }

  /** True when a writer is waiting for the lock (its holder should let go). One stat. */
  othersWaiting(): boolean {
    return existsSync(this.waitingPath);
  }

  private signalWaiting(): void {
    if (this.othersWaiting()) return;
    try {
      closeSync(openSync(this.waitingPath, 'a'));
    } catch {
      // A folder we cannot write to fails the write itself, with its own error.
    }
  }

  /** Removes this process's candidate file (at close; and at exit, for whatever was not closed). */
  dispose(): void {
    this.forgetCandidate();
  }

  /**
   * The file this process links as the lock, made once and kept (`.workbench.lock.<nonce>.candidate`):
   * creating a file costs several times what linking one does, and every save takes the
   * lock. The lock is this inode under a second name, so while the lock's inode number is
   * the candidate's, the lock is ours. Its `since` is read from the lock's ctime, which the
   * link sets.
   */
  private ownCandidate(): { path: string; info: LockInfo; identity: FileIdentity } {
    // Remade now and then, so that the time written in it is never far from when the lock
    // is taken, even where a link would not set the ctime (a foreign host's lock is judged
    // abandoned by its age).
    if (this.candidate && Date.now() - this.candidate.madeAt > candidateLifetimeMs) this.forgetCandidate();
    if (this.candidate) return this.candidate;
    this.removeDeadCandidates();
    const info = this.newInfo();
    const path = join(this.dir, `${lockFileName}.${info.nonce}${candidateSuffix}`);
    writeFileSync(path, JSON.stringify(info));
    this.candidate = { path, info, identity: fileIdentity(lstatSync(path)), madeAt: Date.now() };
    liveCandidates.add(path);
    return this.candidate;
  }

  private forgetCandidate(): void {
    if (!this.candidate) return;
    unlinkQuietly(this.candidate.path);
    liveCandidates.delete(this.candidate.path);
    this.candidate = undefined;
  }

  private takeOver(stale: { info: LockInfo | undefined; identity: string }): Omit<LockLease, 'waitedMs'> | undefined {
    this.removeOldClaims();
    this.removeDeadCandidates();
    const claim = join(this.dir, `${claimPrefix}${stale.identity}`);
    try {
      closeSync(openSync(claim, 'wx'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined; // someone else is taking it over
      throw error;
    }
    // We alone may replace this stale lock. Check it is still the one we judged.
    const current = readLock(this.path);
    if (current === 'gone' || current.identity !== stale.identity) return undefined;
    const info = this.newInfo();
    const temporary = join(this.dir, `${lockFileName}.${info.nonce}.tmp`);
    writeFileSync(temporary, JSON.stringify(info));
    renameSync(temporary, this.path);
    return this.lease(info, fileIdentity(lstatSync(this.path)));
  }

  /**
   * `identity` is the lock file's inode number and modification time as created: while they
   * still match, the lock is ours and release need not read it back. Otherwise it reads the
   * nonce, as a taken-over lock is someone else's.
   */
  private lease(info: LockInfo, identity?: FileIdentity): Omit<LockLease, 'waitedMs'> {
    let released = false;
    const isHeld = () => {
      if (released) return false;
      if (identity && sameFile(lstatSync(this.path, { throwIfNoEntry: false }), identity)) return true;
      const current = readLock(this.path);
      return current !== 'gone' && current.info?.nonce === info.nonce;
    };
    return {
      info,
      isHeld,
      release: () => {
        if (released) return;
        const ours = isHeld();
        released = true;
        if (ours) unlinkQuietly(this.path);
      },
    };
  }

  private newInfo(): LockInfo {
    return {
      pid: process.pid,
      ...(ownStartTime === undefined ? {} : { startTime: ownStartTime }),
      hostname: ownHost,
      holder: this.holder,
      since: new Date().toISOString(),
      nonce: nextNonce(),
    };
  }

  /** Candidates of processes that ended without closing (killed): they are never linked again. */
  private removeDeadCandidates(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((name) => name.startsWith(`${lockFileName}.`) && name.endsWith(candidateSuffix));
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(this.dir, name);
      if (path === this.candidate?.path) continue;
      const found = readLock(path);
      if (found !== 'gone' && found.info && isStale(found)) unlinkQuietly(path);
    }
  }

  private removeOldClaims(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((name) => name.startsWith(claimPrefix));
    } catch {
      return;
    }
    for (const name of names) {
      try {
        if (Date.now() - statSync(join(this.dir, name)).mtimeMs > claimLifetimeMs) unlinkSync(join(this.dir, name));
      } catch {
        // Another process removed it first.
      }
    }
  }
}

/**
 * The lock file's content, and an identity for it (its nonce, or a hash of a damaged file).
 * A process links the same candidate file each time it takes the lock, so when it took the
 * lock is the lock's ctime (set by the link), not the time written in it.
 */
function readLock(path: string): 'gone' | { info: LockInfo | undefined; identity: string; ageMs: () => number } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const parsed = parseLockInfo(text);
  const linkedAt = () => lstatSync(path, { throwIfNoEntry: false })?.ctimeMs;
  const since = parsed && linkedAt();
  const info = parsed && since !== undefined ? { ...parsed, since: new Date(since).toISOString() } : parsed;
  // Only a lock from another machine is judged by its age: look it up only then.
  const ageMs = () => {
    const taken = linkedAt();
    return taken === undefined ? 0 : Date.now() - taken;
  };
  return { info, identity: info?.nonce ?? createHash('md5').update(text).digest('hex'), ageMs };
}

function parseLockInfo(text: string): LockInfo | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return undefined;
    // A round-1 lock has no nonce or host: it is identified by its text and judged by its pid.
    return {
      pid: value.pid,
      ...(typeof value.startTime === 'string' ? { startTime: value.startTime } : {}),
      hostname: typeof value.hostname === 'string' ? value.hostname : ownHost,
      holder: typeof value.holder === 'string' ? value.holder : 'another program',
      since: typeof value.since === 'string' ? value.since : 'an unknown time',
      nonce: typeof value.nonce === 'string' && /^[0-9a-f]+$/.test(value.nonce) ? value.nonce : createHash('md5').update(text).digest('hex'),
    };
  } catch {
    return undefined;
  }
}

function isStale(lock: { info: LockInfo | undefined; ageMs: () => number }): boolean {
  // Locks are written whole, so an unreadable one is damaged, not half-written.
  if (!lock.info) return true;
  if (lock.info.hostname !== ownHost) return lock.ageMs() > foreignLockTimeoutMs;
  return !isSameProcessRunning(lock.info.pid, lock.info.startTime);
}

/** Random bytes drawn in blocks: one `randomBytes` call per lock costs more than the rest of making it. */
let noncePool = Buffer.alloc(0);
let noncePoolAt = 0;
function nextNonce(): string {
  if (noncePoolAt + 8 > noncePool.length) {
    noncePool = randomBytes(8 * 64);
    noncePoolAt = 0;
  }
  const nonce = noncePool.toString('hex', noncePoolAt, noncePoolAt + 8);
  noncePoolAt += 8;
  return nonce;
}

interface FileIdentity {
  ino: number;
  mtimeMs: number;
}

function fileIdentity(info: Stats): FileIdentity {
  return { ino: info.ino, mtimeMs: info.mtimeMs };
}

function sameFile(info: Stats | undefined, identity: FileIdentity): boolean {
  return info !== undefined && info.ino === identity.ino && info.mtimeMs === identity.mtimeMs;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** Who holds the workspace's lock right now, if a live process does (readers use it to tell a crash from a write in progress). */
export function liveLockHolder(dir: string): LockInfo | undefined {
  const lock = readLock(join(dir, lockFileName));
  if (lock === 'gone' || isStale(lock)) return undefined;
  return lock.info;
}
