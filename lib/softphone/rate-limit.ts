/**
 * A fixed-window budget: at most `limit` takes per `intervalMs`. Pages can dispatch events as
 * fast as they like; a flood must not turn into a flood of call logs.
 */
export function createRateLimiter(options: {
  limit: number;
  intervalMs: number;
  now?: () => number;
}): () => boolean {
  const now = options.now ?? Date.now;
  let windowStart = Number.NEGATIVE_INFINITY;
  let taken = 0;
  return () => {
    const time = now();
    if (time - windowStart >= options.intervalMs) {
      windowStart = time;
      taken = 0;
    }
    if (taken >= options.limit) return false;
    taken += 1;
    return true;
  };
}
