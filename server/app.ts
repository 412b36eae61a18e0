import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from './db/database';
import type { Database } from './db/schema';
import { extensionCors } from './http/extension-cors';
import { problemResponse } from './http/problem';
import { logRequests } from './http/request-log';
import type { Logger } from './logger';
import { DEMO_PAGES_DIR } from './project-paths';
import { demoPagesRoute } from './routes/demo-pages';
import { healthRoute } from './routes/health';

export interface AppDeps {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  logger: Logger;
}

/**
 * The whole HTTP surface, with no listening socket: tests call `app.fetch`, `startServer` serves
 * it. Holds no state between requests (everything lives in the database), so any number of
 * instances can serve one PostgreSQL.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(logRequests(deps.logger));
  app.use('/health', extensionCors());
  app.use('/v1/*', extensionCors());
  app.route('/health', healthRoute(deps));
  app.route('/demo', demoPagesRoute(DEMO_PAGES_DIR));
  app.notFound(() => problemResponse(404, 'Not Found'));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    deps.logger.error('request failed', { method: c.req.method, path: c.req.path, error });
    return problemResponse(500, 'Internal Server Error');
  });
  return app;
}
