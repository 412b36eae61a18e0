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
  /** Longest Retry-After honoured (default 2 minutes); the agent waiting at a form wants less. */
  maxRetryAfterMs?: number;
}

const BASE_DELAY_MS = 400;

/**
 * Hands `send` a request whose body is already read into memory. ky 1.9 keeps a copy of each
 * request for retries (Request.clone, a tee of the body stream) and at the end waits for that
 * copy's body to be cancelled; a tee's cancel only settles once the other branch is read or
 * cancelled too, so a fetch that fails (or answers) without reading a POST's body left the call
 * hanging for ever. Our bodies are small JSON documents.
 */
function withBufferedBody(send: typeof fetch): typeof fetch {
  return async (input, init) => {
    if (!(input instanceof Request) || input.body === null) return send(input, init);
    const body = await input.arrayBuffer();
    return send(new Request(input, { body }), init);
  };
}

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
    fetch: withBufferedBody(options.fetch ?? ((input, init) => globalThis.fetch(input, init))),
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    retry: {
      limit: options.retryLimit ?? 3,
      methods: ['get', 'post', 'put', 'patch', 'delete'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: options.maxRetryAfterMs ?? 120_000,
      backoffLimit,
      delay: (attempt) => backoffDelay(attempt, backoffLimit),
    },
  });
}
