/** Runs `work` exclusively across every context of the extension that shares `name`. */
export type ExclusiveLock = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/**
 * `navigator.locks` where the context has it (service worker, extension pages): a sync started
 * by the side panel and one started by the background's alarm never overlap. Elsewhere (tests)
 * one queue per name in this context.
 */
export const webLock: ExclusiveLock = (name, work) => {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(name, () => work()) as Promise<never>;
  return localLock(name, work);
};

const queues = new Map<string, Promise<unknown>>();

function localLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(name) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    name,
    next.catch(() => undefined),
  );
  return next;
}

export interface SyncScheduler {
  /** Sync as soon as possible (start-up, online again, an alarm, a server signal). */
  now(): void;
  /** Sync after a quiet moment: many quick changes make one run. */
  soon(): void;
  /** Settles when no run is going or asked for: tests and the service worker's keep-alive. */
  idle(): Promise<void>;
}

/**
 * One sync at a time, whatever asks: a request during a run makes exactly one more run after
 * it, so a change made while a push was in flight is never left behind, and a burst of
 * requests never stacks runs.
 */
export function syncScheduler(
  run: () => Promise<unknown>,
  options: { debounceMs?: number; lock?: ExclusiveLock; lockName?: string } = {},
): SyncScheduler {
  const lock = options.lock ?? webLock;
  const lockName = options.lockName ?? 'wrapup-sync';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let again = false;
  let current: Promise<void> | null = null;

  const loop = async () => {
    do {
      again = false;
      try {
        await lock(lockName, run);
      } catch (error) {
        console.error('[wrapup] sync run failed', error);
      }
    } while (again);
  };

  const start = () => {
    clearTimeout(timer);
    timer = undefined;
    if (current) {
      again = true;
      return;
    }
    current = loop().finally(() => {
      current = null;
    });
  };

  return {
    now: start,
    soon() {
      clearTimeout(timer);
      timer = setTimeout(start, options.debounceMs ?? 400);
    },
    async idle() {
      while (current || timer !== undefined) {
        if (current) await current;
        else await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}
