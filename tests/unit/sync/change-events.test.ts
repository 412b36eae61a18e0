import { afterEach, describe, expect, it, vi } from 'vitest';
import { followChangeEvents, sseEventNames } from '../../../lib/sync/change-events';
import { until } from '../state/support';

/** A response whose body is the given chunks, then open until `close` (if given) is called. */
function streamed(chunks: string[], { endAfter = true } = {}) {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      for (const chunk of chunks) c.enqueue(encoder.encode(chunk));
      if (endAfter) c.close();
    },
  });
  return {
    response: new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    push: (chunk: string) => controller.enqueue(encoder.encode(chunk)),
  };
}

describe('following the server’s change events', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('reads event names across chunk boundaries; comments are keep-alives', () => {
    const first = sseEventNames('event: ready\ndata: {}\n\n: keep-alive\n\nevent: cha');
    expect(first.events).toEqual(['ready']);
    expect(sseEventNames(`${first.rest}nge\r\ndata: {}\r\n\r\n`).events).toEqual(['change']);
  });

  it('sends the bearer token and calls onChange on connecting and on each change', async () => {
    const { response, push } = streamed(['event: ready\ndata: {}\n\n'], { endAfter: false });
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => response);
    const onChange = vi.fn();
    stop = followChangeEvents({ serverUrl: 'https://w.example', token: 'tok', onChange, fetch });
    await until(() => onChange.mock.calls.length === 1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://w.example/v1/sync/events');
    expect((init?.headers as Record<string, string> | undefined)?.authorization).toBe('Bearer tok');
    push(': keep-alive\n\n');
    push('event: change\ndata: {}\n\n');
    await until(() => onChange.mock.calls.length === 2);
    push('event: change\ndata: {}\n\nevent: change\ndata: {}\n\n');
    await until(() => onChange.mock.calls.length === 4);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reconnects with backoff after errors and closed streams', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(new Response('busy', { status: 503 }))
      .mockImplementation(async () => streamed(['event: ready\ndata: {}\n\n']).response);
    const onChange = vi.fn();
    const started = Date.now();
    stop = followChangeEvents({
      serverUrl: 'https://w.example',
      token: 'tok',
      onChange,
      fetch,
      random: () => 0,
    });
    await until(() => onChange.mock.calls.length >= 2, 5000);
    // Two failures waited 200 then 400 ms (half the doubling ceiling, with random() = 0).
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(fetch.mock.calls.length).toBeGreaterThanOrEqual(4);
  });

  it('reconnects when the stream falls silent', async () => {
    const fetch = vi.fn(
      async () => streamed(['event: ready\ndata: {}\n\n'], { endAfter: false }).response,
    );
    const onChange = vi.fn();
    stop = followChangeEvents({
      serverUrl: 'https://w.example',
      token: 'tok',
      onChange,
      fetch,
      random: () => 0,
      silenceMs: 50,
    });
    await until(() => fetch.mock.calls.length >= 2, 3000);
  });

  it('stops for good on 401, and when stopped', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 401 }));
    const onUnauthorized = vi.fn();
    stop = followChangeEvents({
      serverUrl: 'https://w.example',
      token: 'tok',
      onChange: () => {},
      onUnauthorized,
      fetch,
    });
    await until(() => onUnauthorized.mock.calls.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(fetch).toHaveBeenCalledTimes(1);

    const open = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const { response } = streamed(['event: ready\ndata: {}\n\n'], { endAfter: false });
      init?.signal?.addEventListener('abort', () => response.body?.cancel().catch(() => {}));
      return response;
    });
    const onChange = vi.fn();
    const stopOpen = followChangeEvents({
      serverUrl: 'https://w.example',
      token: 'tok',
      onChange,
      fetch: open,
    });
    await until(() => onChange.mock.calls.length === 1);
    const signal = open.mock.calls[0]?.[1]?.signal;
    stopOpen();
    expect(signal?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(open).toHaveBeenCalledTimes(1);
  });
});
