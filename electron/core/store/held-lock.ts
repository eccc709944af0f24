import { setTimeout as sleep } from 'node:timers/promises';
import type { AcquireOptions, LockLease, WorkspaceLock } from './lock';

/**
 * The write lock kept between batches that come close together. Taking and releasing the
 * lock costs file system calls on every save, and so does catching up with other writers'
 * appends, which nobody can make while we hold the lock: a burst of saves (a script, a CLI
 * import, quick edits) pays for both once.
 *
 * Kept, it must not keep anybody out for long. It is released:
 * - when no batch has come for `idleMs`;
 * - at the end of a batch when another writer is waiting (`.workbench.lock.waiting`), and then
 *   this process stays out of the way for up to `yieldMs` (longer than a waiter's slowest
 *   retry) so that the waiter, not the next batch of this process, takes it;
 * - at the end of a batch once held for `maxHoldMs`, so that the lock on disk is always a
 *   recent one (a lock from another host is judged by its age);
 * - when a batch fails, at close, and at process exit.
 */
export interface HoldPolicy {
  /** 0 releases the lock after every batch. */
  idleMs: number;
  maxHoldMs: number;
  yieldMs: number;
}

export const defaultHold: HoldPolicy = { idleMs: 50, maxHoldMs: 1000, yieldMs: 120 };

/** Every lock held between batches in this process, released at exit if nothing did before. */
const heldLocks = new Set<HeldWriteLock>();
process.once('exit', () => {
  for (const held of heldLocks) held.release();
});

export class HeldWriteLock {
  private lease: LockLease | undefined;
  private heldSince = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private yieldUntil = 0;

  constructor(
    private readonly lock: WorkspaceLock,
    private readonly policy: HoldPolicy,
  ) {}

  /**
   * The lock for one batch. `fresh` is false when it was kept from the batch before: nobody
   * else can have written since, so there is nothing to catch up with.
   */
  async acquire(options: AcquireOptions): Promise<{ fresh: boolean }> {
    if (this.reuse()) return { fresh: false };
    // Taken over or removed under us (never while we live, unless someone deleted it): start afresh.
    this.forget();
    while (Date.now() < this.yieldUntil && this.lock.othersWaiting()) await sleep(3);
    this.yieldUntil = 0;
    this.lease = await this.lock.acquire(options);
    this.heldSince = Date.now();
    heldLocks.add(this);
    return { fresh: true };
  }

  /** The lock kept from the batch before, if it still is ours: no wait, nothing to catch up with. */
  reuse(): boolean {
    this.clearIdleTimer();
    return this.lease?.isHeld() ?? false;
  }

  /** After a batch: keep the lock for the next one, or let go now (see the class comment). */
  done(failed = false): void {
    if (!this.lease) return;
    if (failed || this.policy.idleMs <= 0 || Date.now() - this.heldSince >= this.policy.maxHoldMs) {
      this.release();
      return;
    }
    if (this.lock.othersWaiting()) {
      this.release();
      this.yieldUntil = Date.now() + this.policy.yieldMs;
      return;
    }
    this.idleTimer = setTimeout(() => this.release(), this.policy.idleMs);
    // An idle lock never keeps the process alive: exit releases it.
    this.idleTimer.unref();
  }

  /** True while a lease is kept between batches. */
  get held(): boolean {
    return this.lease !== undefined;
  }

  release(): void {
    this.clearIdleTimer();
    this.lease?.release();
    this.forget();
  }

  private forget(): void {
    this.lease = undefined;
    heldLocks.delete(this);
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
