import { describe, expect, it } from 'vitest';
import { syncScheduler } from '../../../lib/sync/sync-scheduler';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the sync scheduler', () => {
  it('never runs two syncs at once, and a request during a run makes exactly one more', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => {};
    const scheduler = syncScheduler(async () => {
      running += 1;
      runs += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      running -= 1;
    });
    scheduler.now();
    await tick();
    scheduler.now();
    scheduler.now();
    scheduler.now();
    release();
    await tick();
    release();
    await scheduler.idle();
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('makes one run of a burst of changes', async () => {
    let runs = 0;
    const scheduler = syncScheduler(
      async () => {
        runs += 1;
      },
      { debounceMs: 20 },
    );
    for (let i = 0; i < 10; i += 1) scheduler.soon();
    await tick(5);
    expect(runs).toBe(0);
    await scheduler.idle();
    expect(runs).toBe(1);
  });

  it('goes on after a failed run', async () => {
    let runs = 0;
    const scheduler = syncScheduler(async () => {
      runs += 1;
      if (runs === 1) throw new Error('boom');
    });
    const errors = console.error;
    console.error = () => {};
    scheduler.now();
    await scheduler.idle();
    console.error = errors;
    scheduler.now();
    await scheduler.idle();
    expect(runs).toBe(2);
  });
});
