import { Hono } from 'hono';
import { type Kysely, sql } from 'kysely';
import type { DatabaseKind } from '../db/database';
import type { Database } from '../db/schema';
import type { Logger } from '../logger';
import { SERVER_VERSION } from '../version';

/** How long /health waits for `select 1` before calling the database unreachable. */
const DATABASE_TIMEOUT_MS = 3_000;

/** Resolves to null when the database answers `select 1` in time, else to the reason. */
async function databaseProblem(db: Kysely<Database>): Promise<unknown> {
  const probe = sql<{ answer: number }>`select 1 as answer`.execute(db);
  // A probe that fails after the timeout won firing must not become an unhandled rejection.
  probe.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)),
      DATABASE_TIMEOUT_MS,
    );
  });
  try {
    const { rows } = await Promise.race([probe, timeout]);
    return rows[0]?.answer === 1 ? null : new Error('unexpected answer to select 1');
  } catch (error) {
    return error;
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /health`: the version, which database, and 503 when that database does not answer. */
export function healthRoute(deps: {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  logger: Logger;
}): Hono {
  return new Hono().get('/', async (c) => {
    c.header('cache-control', 'no-store');
    const problem = await databaseProblem(deps.db);
    const body = { version: SERVER_VERSION, database: deps.databaseKind };
    if (problem === null) return c.json({ status: 'ok', ...body });
    deps.logger.warn('health check: database does not answer', { error: problem });
    return c.json({ status: 'error', ...body }, 503);
  });
}
