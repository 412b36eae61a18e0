import { backoffDelay } from './server-http';

/** The server writes at least a keep-alive every 20 s; twice that in silence is a dead link. */
const SILENCE_MS = 45_000;
const BACKOFF_LIMIT_MS = 60_000;

export interface ChangeEventsOptions {
  serverUrl: string;
  token: string;
  /** The server says the contact center changed (and once on each connection, to catch up). */
  onChange: () => void;
  /** The server no longer takes the token: following stops until the agent signs in again. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  random?: () => number;
  silenceMs?: number;
}

/** Splits a server-sent-event stream into the names of its events (comments are keep-alives). */
export function sseEventNames(buffer: string): { events: string[]; rest: string } {
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: string[] = [];
  for (const block of blocks) {
    let name = 'message';
    let hasField = false;
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      hasField = true;
      if (line.startsWith('event:')) name = line.slice(6).trim();
    }
    if (hasField) events.push(name);
  }
  return { events, rest };
}

class Unauthorized extends Error {}

/**
 * Follows `GET /v1/sync/events` (server-sent events; fetch, since EventSource cannot send the
 * bearer token) and calls `onChange` for each change, reconnecting with jittered backoff after
 * errors and silences. Stops on 401 or when the returned function is called.
 */
export function followChangeEvents(options: ChangeEventsOptions): () => void {
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const silenceMs = options.silenceMs ?? SILENCE_MS;
  const stopping = new AbortController();
  let attempt = 0;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      stopping.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });

  async function connectOnce(): Promise<void> {
    const connection = new AbortController();
    const stop = () => connection.abort();
    stopping.signal.addEventListener('abort', stop);
    let silence: ReturnType<typeof setTimeout> | undefined;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => connection.abort(), silenceMs);
    };
    try {
      heard();
      const response = await send(`${options.serverUrl}/v1/sync/events`, {
        headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
        signal: connection.signal,
        cache: 'no-store',
      });
      if (response.status === 401) throw new Unauthorized();
      if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      // Ends the read below at once, whether or not the fetch ties its body to the signal.
      connection.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}));
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        heard();
        const parsed = sseEventNames(buffer + value);
        buffer = parsed.rest;
        for (const name of parsed.events) {
          if (name === 'ready') attempt = 0;
          if (name === 'ready' || name === 'change') options.onChange();
        }
      }
    } finally {
      clearTimeout(silence);
      stopping.signal.removeEventListener('abort', stop);
    }
  }

  void (async () => {
    while (!stopping.signal.aborted) {
      try {
        await connectOnce();
      } catch (error) {
        if (error instanceof Unauthorized) {
          stopping.abort();
          options.onUnauthorized?.();
          return;
        }
      }
      if (stopping.signal.aborted) return;
      attempt += 1;
      await wait(backoffDelay(attempt, BACKOFF_LIMIT_MS, options.random));
    }
  })();

  return () => stopping.abort();
}
