import ky, { type KyInstance } from 'ky';

export interface ServerHttpOptions {
  serverUrl: string;
  token?: string;
  /** Tests pass the in-process server's `app.fetch` (or a faulty wrapper of it). */
  fetch?: typeof fetch;
  timeoutMs?: number;
  retryLimit?: number;
  /** Longest wait between two attempts; the backoff doubles up to it. */
  backoffLimitMs?: number;
}

const BASE_DELAY_MS = 400;

/**
 * Exponential backoff with full jitter: many agents' browsers coming back online at once (a
 * server restart) spread their retries instead of arriving together.
 */
export function backoffDelay(attempt: number, limitMs: number, random = Math.random): number {
  const ceiling = Math.min(limitMs, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * The HTTP client for one Wrapup server: bearer token, timeout, and retries with backoff on
 * network errors, 5xx and 429 (waiting as long as Retry-After says). POST is retried too: every
 * write the extension sends is idempotent (sync mutations carry their own id).
 */
export function serverHttp(options: ServerHttpOptions): KyInstance {
  const backoffLimit = options.backoffLimitMs ?? 30_000;
  return ky.create({
    prefixUrl: options.serverUrl,
    timeout: options.timeoutMs ?? 20_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    retry: {
      limit: options.retryLimit ?? 3,
      methods: ['get', 'post', 'put', 'patch', 'delete'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: 120_000,
      backoffLimit,
      delay: (attempt) => backoffDelay(attempt, backoffLimit),
    },
  });
}
