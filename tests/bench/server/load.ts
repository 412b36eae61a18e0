import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  /** What went wrong, by HTTP status or connection error code, and how often. */
  failureKinds: Record<string, number>;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

export interface LoadRequest {
  method: string;
  path: string;
  token: string;
  body?: string;
}

/** One request over a keep-alive agent; resolves with the status once the body is read. */
function send(base: URL, agent: Agent, spec: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        hostname: base.hostname,
        port: base.port,
        method: spec.method,
        path: spec.path,
        headers: {
          authorization: `Bearer ${spec.token}`,
          ...(spec.body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(spec.body);
  });
}

/**
 * Like autocannon, smaller: `connections` clients each send `next()`'s request, wait for the
 * answer, and go again, until `total` requests are done. Latency in milliseconds.
 */
export async function runLoad(
  baseUrl: string,
  connections: number,
  total: number,
  next: (index: number) => LoadRequest,
): Promise<LoadResult> {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let issued = 0;
  let failures = 0;
  const failureKinds: Record<string, number> = {};
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (issued < total) {
        const index = issued++;
        const sent = performance.now();
        // A dropped connection is counted as a failure, not allowed to end the whole run.
        const status = await send(base, agent, next(index)).catch(
          (error: NodeJS.ErrnoException) => error.code ?? error.message,
        );
        if (typeof status === 'number' && status < 300) {
          latencies.push(performance.now() - sent);
        } else {
          failures++;
          failureKinds[String(status)] = (failureKinds[String(status)] ?? 0) + 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    failures,
    failureKinds,
  };
}
