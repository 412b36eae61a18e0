/**
 * A fetch between the extension's sync client and the in-process server that fails on demand:
 * `down` (the request never arrives), `lose-reply` (the server commits, the reply is lost — the
 * server killed after committing), `duplicate` (the request is delivered twice), `late` (the
 * client gives up on it, and it reaches the server after the next two requests — a reordered
 * delivery). Each fault applies to the next `times` requests, or to every request while `always`
 * is set.
 */
export type Fault = 'down' | 'lose-reply' | 'duplicate' | 'late' | 'unauthorized';

/** How many later requests a `late` one arrives behind, unless told otherwise. */
const LATE_BY = 2;

export interface FaultyNetwork {
  fetch: typeof fetch;
  /**
   * Fails the next `times` requests (default 1) with `fault`; a `late` one arrives behind
   * `lateBy` later requests.
   */
  failNext(fault: Fault, times?: number, lateBy?: number): void;
  /** Fails every request with `fault` until `heal()`; null heals. */
  set(fault: Fault | null): void;
  heal(): void;
  /** Requests that reached the server, by path; a `late` one is marked so. */
  delivered: string[];
  /** Delivers every `late` request still on its way. */
  flushLate(): Promise<void>;
}

export function faultyNetwork(serve: (request: Request) => Promise<Response>): FaultyNetwork {
  let always: Fault | null = null;
  const queued: { fault: Fault; lateBy: number }[] = [];
  const delivered: string[] = [];
  const late: { request: Request; behind: number }[] = [];
  const send = async (request: Request, note = '') => {
    delivered.push(`${new URL(request.url).pathname}${note}`);
    return serve(request);
  };
  const arriveLate = async (due: (entry: { behind: number }) => boolean) => {
    for (const entry of late.filter(due)) {
      late.splice(late.indexOf(entry), 1);
      // Nobody waits for its answer any more.
      await (await send(entry.request, ' (late)')).text();
    }
  };
  const deliver = async (request: Request) => {
    const response = await send(request);
    for (const entry of late) entry.behind -= 1;
    await arriveLate((entry) => entry.behind <= 0);
    return response;
  };
  const network: FaultyNetwork = {
    delivered,
    flushLate: () => arriveLate(() => true),
    failNext(fault, times = 1, lateBy = LATE_BY) {
      for (let i = 0; i < times; i += 1) queued.push({ fault, lateBy });
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
      const next = queued.shift();
      const fault = next?.fault ?? always;
      switch (fault) {
        case 'down':
          throw new TypeError('Failed to fetch');
        case 'unauthorized':
          return new Response(JSON.stringify({ status: 401, detail: 'Sign in again.' }), {
            status: 401,
            headers: { 'content-type': 'application/problem+json' },
          });
        case 'late':
          late.push({ request, behind: next?.lateBy ?? LATE_BY });
          throw new TypeError('Failed to fetch');
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
