import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import { type AppOptions, DEFAULT_APP_OPTIONS } from './app-options';
import { authenticate } from './auth/authenticate';
import type { DatabaseKind } from './db/database';
import type { Database } from './db/schema';
import type { AppEnv } from './http/app-env';
import { expectedProblem } from './http/error-response';
import { extensionCors } from './http/extension-cors';
import { problemResponse } from './http/problem';
import { ProblemError } from './http/problem-error';
import { logRequests } from './http/request-log';
import type { Logger } from './logger';
import { DEMO_PAGES_DIR } from './project-paths';
import { authRoute } from './routes/auth';
import { customersRoute } from './routes/customers';
import { demoPagesRoute } from './routes/demo-pages';
import { fieldDefinitionsRoute } from './routes/field-definitions';
import { healthRoute } from './routes/health';
import { interactionsRoute } from './routes/interactions';
import { meRoute } from './routes/me';
import { openApiRoute } from './routes/openapi';
import { settingsRoute } from './routes/settings';
import { syncRoute } from './routes/sync';
import { tasksRoute } from './routes/tasks';
import { transactionCodesRoute } from './routes/transaction-codes';
import { usersRoute } from './routes/users';
import type { ChangeNotifier } from './sync/change-notifier';

export interface AppDeps {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  logger: Logger;
  options?: Partial<AppOptions>;
  /** Feeds GET /v1/sync/events and long polling; without it those fall back to plain pulls. */
  notifier?: ChangeNotifier;
}

/** Paths under /v1 that are reached without a bearer token. */
const PUBLIC_PATHS = new Set(['/v1/auth/sign-in', '/v1/interactions', '/v1/openapi.json']);

/**
 * The whole HTTP surface, with no listening socket: tests call `app.fetch`, `startServer` serves
 * it. Holds no state between requests (everything lives in the database), so any number of
 * instances can serve one PostgreSQL.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const options = { ...DEFAULT_APP_OPTIONS, ...deps.options };
  const { db } = deps;
  const app = new Hono<AppEnv>();
  app.use(logRequests(deps.logger));
  app.use('/health', extensionCors());
  app.use('/v1/*', extensionCors());
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: options.bodyLimitBytes,
      onError: () => {
        throw new ProblemError(413, `Request bodies are at most ${options.bodyLimitBytes} bytes.`);
      },
    }),
  );
  const requireToken = authenticate(db, options);
  app.use('/v1/*', (c, next) => (PUBLIC_PATHS.has(c.req.path) ? next() : requireToken(c, next)));
  app.route('/health', healthRoute(deps));
  app.route('/demo', demoPagesRoute(DEMO_PAGES_DIR));
  app.route('/v1/auth', authRoute(db, options));
  app.route('/v1/me', meRoute());
  app.route('/v1/tasks', tasksRoute(db));
  app.route('/v1/customers', customersRoute(db));
  app.route('/v1/field-definitions', fieldDefinitionsRoute(db));
  app.route('/v1/transaction-codes', transactionCodesRoute(db));
  app.route('/v1/users', usersRoute(db));
  app.route('/v1/settings', settingsRoute(db));
  app.route('/v1/sync', syncRoute(db, deps.logger, deps.notifier));
  app.route('/v1/interactions', interactionsRoute(db));
  app.route('/v1/openapi.json', openApiRoute());
  app.notFound(() => problemResponse(404, 'Not Found'));
  app.onError((error, c) => {
    const problem = expectedProblem(error);
    if (problem) return problem.toResponse();
    if (error instanceof HTTPException) return error.getResponse();
    deps.logger.error('request failed', { method: c.req.method, path: c.req.path, error });
    return problemResponse(500, 'Internal Server Error');
  });
  return app;
}
