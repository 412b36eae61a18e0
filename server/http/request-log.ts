import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger';

/** Logs one line per request once it is answered: method, path (never the query), status, ms. */
export function logRequests(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
