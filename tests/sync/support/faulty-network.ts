/**
 * A fetch between the extension's sync client and the in-process server that fails on demand:
 * `down` (the request never arrives), `lose-reply` (the server commits, the reply is lost — the
 * server killed after committing), `duplicate` (the request is delivered twice). Each fault
 * applies to the next `times` requests, or to every request while `always` is set.
 */
export type Fault = 'down' | 'lose-reply' | 'duplicate' | 'unauthorized';

export interface FaultyNetwork {
  fetch: typeof fetch;
  /** Fails the next `times` requests (default 1) with `fault`. */
  failNext(fault: Fault, times?: number): void;
  /** Fails every request with `fault` until `heal()`; null heals. */
  set(fault: Fault | null): void;
  heal(): void;
  /** Requests that reached the server, by path. */
  delivered: string[];
}

export function faultyNetwork(serve: (request: Request) => Promise<Response>): FaultyNetwork {
  let always: Fault | null = null;
  const queued: Fault[] = [];
  const delivered: string[] = [];
  const deliver = async (request: Request) => {
    delivered.push(new URL(request.url).pathname);
    return serve(request);
  };
  const network: FaultyNetwork = {
    delivered,
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i += 1) queued.push(fault);
    },
    set(fault) {
      always = fault;
    },
    heal() {
      always = null;
      queued.length = 0;
    },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const fault = queued.shift() ?? always;
      switch (fault) {
        case 'down':
          throw new TypeError('Failed to fetch');
        case 'unauthorized':
          return new Response(JSON.stringify({ status: 401, detail: 'Sign in again.' }), {
            status: 401,
            headers: { 'content-type': 'application/problem+json' },
          });
        case 'lose-reply':
          await (await deliver(request)).text();
          throw new TypeError('Failed to fetch');
        case 'duplicate': {
          const copy = request.clone();
          await (await deliver(request)).text();
          return deliver(copy);
        }
        default:
          return deliver(request);
      }
    },
  };
  return network;
}
