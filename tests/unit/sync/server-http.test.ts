import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  ForbiddenError,
  OfflineError,
  requestServer,
  ServerFailureError,
  SessionExpiredError,
} from '../../../lib/sync/server-errors';
import { backoffDelay, serverHttp } from '../../../lib/sync/server-http';

type Answer = Response | Error | 'hang';

/** A fetch that gives the scripted answers in turn (the last one again once they run out). */
function scriptedFetch(...answers: Answer[]) {
  const requests: Request[] = [];
  const times: number[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    times.push(performance.now());
    const answer = answers[Math.min(requests.length, answers.length) - 1] ?? 'hang';
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      );
    }
    if (answer instanceof Error) throw answer;
    return answer.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests, times };
}

const ok = () => Response.json({ ok: true });
const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', status, ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
const networkDown = () => new TypeError('Failed to fetch');

function client(fake: ReturnType<typeof scriptedFetch>, overrides = {}) {
  return serverHttp({
    serverUrl: 'https://wrapup.example/base',
    token: 'secret-token',
    fetch: fake.fetch,
    retryLimit: 2,
    backoffLimitMs: 5,
    timeoutMs: 1_000,
    ...overrides,
  });
}

const call = (fake: ReturnType<typeof scriptedFetch>, overrides = {}) =>
  requestServer(() => client(fake, overrides).get('v1/me').json());

describe('serverHttp with a faulty network', () => {
  it('sends the bearer token to the server URL plus the path', async () => {
    const fake = scriptedFetch(ok());
    await call(fake);
    expect(fake.requests[0]?.url).toBe('https://wrapup.example/base/v1/me');
    expect(fake.requests[0]?.headers.get('authorization')).toBe('Bearer secret-token');
  });

  it('retries a network error and succeeds when the network comes back', async () => {
    const fake = scriptedFetch(networkDown(), networkDown(), ok());
    expect(await call(fake)).toEqual({ ok: true });
    expect(fake.requests).toHaveLength(3);
  });

  it('retries a POST whose fetch fails without reading its body, and sends the body again', async () => {
    const fake = scriptedFetch(networkDown(), ok());
    const answer = requestServer(() =>
      client(fake)
        .post('v1/sync/push', { json: { mutations: [1] } })
        .json(),
    );
    expect(await answer).toEqual({ ok: true });
    expect(fake.requests).toHaveLength(2);
    expect(await fake.requests[1]?.json()).toEqual({ mutations: [1] });
  });

  it('ends a POST the server refuses without reading its body (no hang)', async () => {
    const fake = scriptedFetch(problem(400, { detail: 'No.' }));
    const error = await requestServer(() =>
      client(fake, { retryLimit: 0 })
        .post('v1/auth/sign-in', { json: { email: 'a' } })
        .json(),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it('gives up after the retry limit with an offline error', async () => {
    const fake = scriptedFetch(networkDown());
    const error = await call(fake).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OfflineError);
    expect(error).toMatchObject({ kind: 'offline', transient: true });
    expect(fake.requests).toHaveLength(3);
  });

  it('waits as long as Retry-After says on a 503, beyond the backoff limit', async () => {
    const fake = scriptedFetch(problem(503, { title: 'Busy' }, { 'retry-after': '0.2' }), ok());
    expect(await call(fake)).toEqual({ ok: true });
    expect(fake.requests).toHaveLength(2);
    const waited = (fake.times[1] ?? 0) - (fake.times[0] ?? 0);
    expect(waited).toBeGreaterThanOrEqual(190);
  });

  it('retries a 429 with backoff', async () => {
    const fake = scriptedFetch(problem(429, { title: 'Too Many Requests' }), ok());
    expect(await call(fake)).toEqual({ ok: true });
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a 429 that lasts as a passing server failure, not as a refusal', async () => {
    const fake = scriptedFetch(problem(429, { title: 'Too Many Requests' }));
    const error = await call(fake).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerFailureError);
    expect(error).toMatchObject({ status: 429, transient: true });
    expect(fake.requests).toHaveLength(3);
  });

  it('waits no longer than maxRetryAfterMs, whatever Retry-After says', async () => {
    const fake = scriptedFetch(problem(503, { title: 'Busy' }, { 'retry-after': '3600' }), ok());
    const started = performance.now();
    expect(await call(fake, { maxRetryAfterMs: 50 })).toEqual({ ok: true });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reports a 5xx that lasts as a server failure, after retrying', async () => {
    const fake = scriptedFetch(problem(500, { title: 'Internal' }));
    const error = await call(fake).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerFailureError);
    expect(error).toMatchObject({ kind: 'server', status: 500 });
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry a 400 and shows the server’s detail and field errors', async () => {
    const fake = scriptedFetch(
      problem(400, {
        title: 'Bad Request',
        detail: 'The request is not valid.',
        errors: [{ path: 'email', message: 'Required.' }],
      }),
    );
    const error = await call(fake).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      kind: 'bad-request',
      status: 400,
      detail: 'The request is not valid.',
      errors: [{ path: 'email', message: 'Required.' }],
      message: 'The request is not valid. email: Required.',
      transient: false,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('does not retry a 401: the session expired or was revoked', async () => {
    const fake = scriptedFetch(problem(401, { detail: 'The token is not valid.' }));
    const error = await call(fake).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect(error).toMatchObject({ kind: 'unauthorized', detail: 'The token is not valid.' });
    expect(fake.requests).toHaveLength(1);
  });

  it('gives a 403’s reason as the message', async () => {
    const fake = scriptedFetch(problem(403, { detail: 'This account is deactivated.' }));
    const error = await call(fake).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toBe('This account is deactivated.');
    expect(fake.requests).toHaveLength(1);
  });

  it('reads a non-JSON error body without failing', async () => {
    const fake = scriptedFetch(new Response('<html>Bad gateway</html>', { status: 404 }));
    const error = await call(fake).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 404,
      detail: null,
      message: expect.stringContaining('404'),
    });
  });

  it('times out a server that never answers, without retrying', async () => {
    const fake = scriptedFetch('hang');
    const started = performance.now();
    const error = await call(fake, { timeoutMs: 50 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OfflineError);
    expect(error).toMatchObject({ kind: 'timeout', transient: true });
    expect(fake.requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rethrows an error that is not about the request unchanged', async () => {
    const bug = new RangeError('a bug');
    await expect(
      requestServer(() => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });
});

describe('backoffDelay', () => {
  it('stays between half and all of the doubled ceiling (full jitter)', () => {
    expect(backoffDelay(1, 30_000, () => 0)).toBe(200);
    expect(backoffDelay(1, 30_000, () => 1)).toBe(400);
    expect(backoffDelay(3, 30_000, () => 0)).toBe(800);
    expect(backoffDelay(3, 30_000, () => 1)).toBe(1_600);
    for (let attempt = 1; attempt <= 12; attempt++) {
      const delay = backoffDelay(attempt, 30_000);
      const ceiling = Math.min(30_000, 400 * 2 ** (attempt - 1));
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });

  it('never exceeds the limit', () => {
    expect(backoffDelay(20, 5_000, () => 1)).toBe(5_000);
    expect(backoffDelay(20, 5_000, () => 0)).toBe(2_500);
  });

  it('spreads clients: different random draws give different delays', () => {
    const delays = new Set(
      Array.from({ length: 50 }, (_, n) => backoffDelay(5, 30_000, () => n / 50)),
    );
    expect(delays.size).toBe(50);
  });
});
