import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { type DatabaseKind, type OpenedDatabase, openDatabase } from '../../../server/db/database';
import type { Database } from '../../../server/db/schema';

/** Options for `openDatabase` / `startServer` that reach one fresh, empty database. */
export interface FreshDatabase {
  options: { databaseUrl?: string; inMemory?: boolean };
  /** Deletes the database (PostgreSQL) once every connection to it is closed or cut. */
  drop(): Promise<void>;
}

export interface TestDatabase {
  kind: DatabaseKind;
  createFresh(): Promise<FreshDatabase>;
}

const pglite: TestDatabase = {
  kind: 'pglite',
  createFresh: async () => ({ options: { inMemory: true }, drop: async () => {} }),
};

async function withAdminClient<T>(adminUrl: string, use: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/*
 * Each fresh PostgreSQL database is a real database of its own (CREATE DATABASE through the
 * TEST_DATABASE_URL connection), so parallel test files never see each other's rows, schema or
 * migration locks, and dropping it leaves the server as it was.
 */
function postgres(adminUrl: string): TestDatabase {
  return {
    kind: 'postgres',
    async createFresh() {
      const name = `wrapup_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      await withAdminClient(adminUrl, (client) => client.query(`create database ${name}`));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        options: { databaseUrl: url.toString() },
        drop: () =>
          withAdminClient(adminUrl, (client) =>
            client.query(`drop database if exists ${name} with (force)`),
          ).then(() => undefined),
      };
    },
  };
}

/**
 * The databases the server suite runs against: PGlite in memory always, and PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it). Use with `describe.each(testDatabases)('$kind', …)`.
 */
export const testDatabases: TestDatabase[] = [
  pglite,
  ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : []),
];

export interface OpenTestDatabase extends OpenedDatabase {
  /** What reaches this same database again (PostgreSQL: a second, independent connection). */
  options: FreshDatabase['options'];
  /** Closes the handle and drops the database. */
  dispose(): Promise<void>;
}

/** A fresh database of `target`, opened and not yet migrated. */
export async function openFreshDatabase(target: TestDatabase): Promise<OpenTestDatabase> {
  const fresh = await target.createFresh();
  const opened = await openDatabase(fresh.options);
  return {
    ...opened,
    options: fresh.options,
    dispose: async () => {
      await opened.close();
      await fresh.drop();
    },
  };
}

/**
 * Drops everything the migrations made (Kysely's own bookkeeping included), so the next test
 * starts from an empty database without paying for a new one: a PGlite takes seconds to create.
 */
export async function emptyDatabase(db: Kysely<Database>): Promise<void> {
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}

/** How many sessions are connected to the PostgreSQL database at `databaseUrl`, once settled. */
export async function openConnectionsTo(databaseUrl: string): Promise<number> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('openConnectionsTo needs TEST_DATABASE_URL');
  // A closed client's backend leaves pg_stat_activity a moment after the socket closes.
  let count = -1;
  for (let attempt = 0; attempt < 20; attempt++) {
    const { rows } = await withAdminClient(adminUrl, (client) =>
      client.query<{ count: string }>('select count(*) from pg_stat_activity where datname = $1', [
        name,
      ]),
    );
    count = Number(rows[0]?.count);
    if (count === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return count;
}
