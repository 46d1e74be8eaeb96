import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../../src/main/core/clock';
import { GitError } from '../../../src/main/sync/git';
import { SyncScheduler } from '../../../src/main/sync/scheduler';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A sync that takes `ms` and answers what `outcome` says each time. */
function fakeSync(ms: number, outcome: () => { conflicts: number } | Error = () => ({ conflicts: 0 })) {
  const calls: number[] = [];
  let active = 0;
  let overlapped = false;
  const run = async () => {
    calls.push(Date.now());
    active++;
    if (active > 1) overlapped = true;
    await new Promise((resolve) => setTimeout(resolve, ms));
    active--;
    const result = outcome();
    if (result instanceof Error) throw result;
    return result;
  };
  return { run, calls, overlapped: () => overlapped };
}

describe('when the workspace syncs', () => {
  it('syncs once a burst of changes has been quiet for the debounce time', async () => {
    const sync = fakeSync(100);
    const scheduler = new SyncScheduler(sync.run, fixedClock('2026-11-27T03:00:00Z'), { debounceMs: 5_000 });
    for (let i = 0; i < 10; i++) {
      scheduler.changed();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(sync.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sync.calls).toHaveLength(1);
  });

  it('never runs two syncs at once; a change during a sync gets one more after it', async () => {
    const sync = fakeSync(2_000);
    const scheduler = new SyncScheduler(sync.run, fixedClock('2026-11-27T03:00:00Z'), { debounceMs: 10 });
    const first = scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(500);
    void scheduler.syncNow();
    void scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(5_000);
    await first;
    expect(sync.calls).toHaveLength(2);
    expect(sync.overlapped()).toBe(false);
  });

  it('syncs every few minutes once started, until stopped', async () => {
    const sync = fakeSync(10);
    const scheduler = new SyncScheduler(sync.run, fixedClock('2026-11-27T03:00:00Z'), { intervalMs: 180_000 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * 180_000 + 100);
    expect(sync.calls).toHaveLength(3);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * 180_000);
    expect(sync.calls).toHaveLength(3);
  });
});

describe('the sync indicator', () => {
  it('says syncing, then when it last synced and how many conflicts are open', async () => {
    const clock = fixedClock('2026-11-27T03:00:00Z');
    const scheduler = new SyncScheduler(fakeSync(1_000, () => ({ conflicts: 2 })).run, clock);
    const seen: string[] = [];
    scheduler.subscribe((indicator) => seen.push(indicator.phase));
    const done = scheduler.syncNow();
    expect(scheduler.state().phase).toBe('syncing');
    clock.advance(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(scheduler.state()).toEqual({ phase: 'idle', lastSync: '2026-11-27T03:00:01.000Z', conflicts: 2, problem: null });
    expect(seen).toEqual(['syncing', 'idle']);
  });

  it('shows offline with the reason when the remote cannot be reached, keeps the last sync, and never rejects', async () => {
    let reachable = true;
    const scheduler = new SyncScheduler(
      fakeSync(10, () => (reachable ? { conflicts: 0 } : new GitError('unreachable', 'fetching from the remote', 'Could not resolve host: git.example.com'))).run,
      fixedClock('2026-11-27T03:00:00Z'),
    );
    const first = scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(10);
    await first;
    reachable = false;
    const second = scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(10);
    await expect(second).resolves.toBeUndefined();
    expect(scheduler.state()).toMatchObject({ phase: 'offline', lastSync: '2026-11-27T03:00:00.000Z' });
    expect(scheduler.state().problem).toContain('Could not resolve host: git.example.com');
  });

  it('tells a refusing remote from an offline one', async () => {
    const scheduler = new SyncScheduler(fakeSync(10, () => new GitError('refused', 'pushing to the remote', 'Permission denied (publickey)')).run, fixedClock('2026-11-27T03:00:00Z'));
    const done = scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(10);
    await done;
    expect(scheduler.state().phase).toBe('refused');
  });
});
