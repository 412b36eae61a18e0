import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from '../logger';
import { DEFAULT_DATA_DIR } from '../project-paths';
import { lockDataDir } from './data-dir-lock';
import { PgListener } from './pg-listener';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';
import { PG_TYPES, PGLITE_PARSERS } from './type-parsers';

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; when set, PostgreSQL is used and the other options ignored. */
  databaseUrl?: string;
  /** PGlite's data folder; default `data/pglite` under the project. */
  dataDir?: string;
  /** PGlite in memory, gone on close (tests). */
  inMemory?: boolean;
  /** Told about connection errors that no query is waiting for. */
  logger?: Logger;
}

/** Calls `handler` with each NOTIFY payload on `channel`; resolves to the function that stops. */
export type Listen = (
  channel: string,
  handler: (payload: string) => void,
) => Promise<() => Promise<void>>;

export interface OpenedDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** LISTEN: PostgreSQL's own (one dedicated connection), or PGlite's in-process one. */
  listen: Listen;
  /** Waits for the query or transaction in progress, then closes; idempotent. */
  close(): Promise<void>;
}

function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}

async function openPostgres(databaseUrl: string, logger?: Logger): Promise<OpenedDatabase> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types: PG_TYPES,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its connection (a PostgreSQL restart) must not crash the process: the
  // pool drops that client and the next query connects afresh.
  pool.on('error', (error) => logger?.warn('idle database connection lost', { error }));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listener = new PgListener(databaseUrl, logger);
  const close = async () => {
    await listener.close();
    await db.destroy();
    // Kysely only tears down a driver it has used; a database closed before its first query
    // still has to let go of its pool.
    if (!pool.ended) await pool.end();
  };
  return {
    db,
    kind: 'postgres',
    listen: (channel, handler) => listener.listen(channel, handler),
    close: once(close),
  };
}

async function createPGlite(dataDir: string | undefined): Promise<OpenedDatabase> {
  const client = await PGlite.create({ dataDir, parsers: PGLITE_PARSERS });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  const close = async () => {
    // The dialect closes PGlite after the transaction in progress; Kysely skips that when the
    // database was never queried, so PGlite is closed here too.
    await db.destroy();
    if (!client.closed) await client.close();
  };
  // Holding the session (a Kysely connection) keeps LISTEN out of another caller's transaction.
  const listen: Listen = (channel, handler) =>
    db.connection().execute(async () => {
      const stop = await client.listen(channel, handler);
      return async () => {
        if (!client.closed) await db.connection().execute(() => stop());
      };
    });
  return { db, kind: 'pglite', listen, close };
}

async function openPGlite(dataDir: string | undefined): Promise<OpenedDatabase> {
  if (dataDir === undefined) {
    const opened = await createPGlite(undefined);
    return { ...opened, close: once(opened.close) };
  }
  const folder = resolve(dataDir);
  await mkdir(dirname(folder), { recursive: true });
  const unlock = await lockDataDir(folder);
  try {
    const opened = await createPGlite(folder);
    const close = async () => {
      try {
        await opened.close();
      } finally {
        await unlock();
      }
    };
    return { ...opened, close: once(close) };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/**
 * Opens the server's database: PostgreSQL when `databaseUrl` is given, otherwise the embedded
 * PGlite (in memory, or in `dataDir`). It does not migrate; call `migrateToLatest`.
 */
export function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.logger);
  return openPGlite(options.inMemory ? undefined : (options.dataDir ?? DEFAULT_DATA_DIR));
}
