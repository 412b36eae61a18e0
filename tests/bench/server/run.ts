import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { createAdaptorServer } from '@hono/node-server';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { newId } from '../../../lib/domain/ids';
import { createApp } from '../../../server/app';
import { type OpenedDatabase, openDatabase } from '../../../server/db/database';
import { migrateToLatest } from '../../../server/db/migrate';
import type { Database } from '../../../server/db/schema';
import { createLogger } from '../../../server/logger';
import { ChangeNotifier } from '../../../server/sync/change-notifier';
import { createTenant } from '../../../server/tenants/create-tenant';
import { type LoadResult, percentile, runLoad } from './load';
import { insertSearchTasks, WORDS } from './search-data';

/*
 * `npm run bench:server`: push requests of 100 mutations and pull pages over HTTP, on PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL, beside raw
 * INSERTs of the same rows through the same driver; then server search over BENCH_SEARCH_TASKS
 * (default 1,000,000) tasks on PostgreSQL. Figures, not pass/fail. BENCH_PUSHES=0 runs only the
 * search part, BENCH_SEARCH_TASKS=0 skips it.
 */

const PUSHES = Number(process.env.BENCH_PUSHES ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const SEARCH_TASKS = Number(process.env.BENCH_SEARCH_TASKS ?? 1_000_000);
const SEARCHES = 200;
const SEARCH_BUDGET_P95_MS = 100;
const PASSWORD = 'bench password 123';

const ms = (value: number) => `${value.toFixed(1)} ms`;
const line = (label: string, result: LoadResult, unit: string, perRequest: number) =>
  `  ${label.padEnd(22)} ${(result.perSecond * perRequest).toFixed(0).padStart(7)} ${unit}/s  ` +
  `(${result.perSecond.toFixed(1)} req/s)  p50 ${ms(result.p50)}  p99 ${ms(result.p99)}` +
  (result.failures > 0 ? `  FAILURES ${JSON.stringify(result.failureKinds)}` : '');

async function freshPostgres(adminUrl: string) {
  const name = `wrapup_bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return ((await response.json()) as { token: string }).token;
}

const pushBody = () =>
  JSON.stringify({
    mutations: Array.from({ length: 100 }, (_, index) => ({
      id: newId(),
      name: 'task.create',
      args: {
        id: newId(),
        kind: 'call',
        subject: `Bench task ${index} about the invoice`,
        notes: 'Customer called about the delivery of their order and asked for a refund.',
      },
    })),
  });

/** The same rows a push of 100 creations writes (tasks, history, changes), as plain INSERTs. */
async function rawInserts(db: Kysely<Database>, tenantId: string, userId: string, rounds: number) {
  const started = performance.now();
  let number = 10_000_000;
  for (let round = 0; round < rounds; round++) {
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const tasks = Array.from({ length: 100 }, (_, index) => {
        const id = newId();
        number += 1;
        return {
          tenant_id: tenantId,
          id,
          number,
          kind: 'call',
          status: 'open',
          assignee_id: userId,
          customer_id: null,
          parent_id: null,
          transaction_id: null,
          updated_at: now,
          deleted_at: null,
          data: JSON.stringify({ id, number, subject: `Raw ${index}`, notes: 'Customer called.' }),
        };
      });
      await trx.insertInto('tasks').values(tasks).execute();
      await trx
        .insertInto('task_history')
        .values(
          tasks.map((task) => ({
            tenant_id: tenantId,
            id: newId(),
            task_id: task.id,
            at: now,
            entry: JSON.stringify({ taskId: task.id, event: { type: 'created' } }),
          })),
        )
        .execute();
      await trx
        .insertInto('changes')
        .values(
          tasks.map((task, index) => ({
            tenant_id: tenantId,
            revision: 1_000_000 + round,
            ordinal: index + 1,
            entity: 'raw',
            entity_id: task.id,
            assignee_id: null,
            customer_id: null,
            touched_at: null,
            data: task.data,
          })),
        )
        .execute();
    });
  }
  return (rounds * 100) / ((performance.now() - started) / 1000);
}

/** The app over `database`, served on a free port (what startServer does, keeping the handle). */
async function serve(database: OpenedDatabase) {
  await migrateToLatest(database.db);
  const logger = createLogger({ silent: true });
  const notifier = new ChangeNotifier(database.listen, logger);
  await notifier.start();
  const app = createApp({
    db: database.db,
    databaseKind: database.kind,
    logger,
    notifier,
    options: { rateLimitPerMinute: 1_000_000 },
  });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await notifier.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function benchDatabase(label: string, database: OpenedDatabase) {
  console.log(`\n${label}`);
  const server = await serve(database);
  try {
    const email = `bench-${randomUUID()}@bench.test`;
    const tenant = await createTenant(database.db, {
      name: 'Bench',
      adminName: 'Bench Admin',
      adminEmail: email,
      adminPassword: PASSWORD,
    });
    const tokens = await Promise.all(
      Array.from({ length: CONNECTIONS }, () => signIn(server.url, email)),
    );
    const bodies = Array.from({ length: PUSHES }, pushBody);
    const push = await runLoad(server.url, CONNECTIONS, PUSHES, (index) => ({
      method: 'POST',
      path: '/v1/sync/push',
      token: tokens[index % CONNECTIONS] as string,
      body: bodies[index],
    }));
    console.log(line('push ×100 mutations', push, 'mutations', 100));

    const pages = Math.max(1, Math.floor((PUSHES * 100) / 500));
    const cursors: string[] = [];
    let cursor = '0';
    for (let page = 0; page < pages; page++) {
      cursors.push(cursor);
      const response = await fetch(`${server.url}/v1/sync/pull?limit=500&cursor=${cursor}`, {
        headers: { authorization: `Bearer ${tokens[0]}` },
      });
      cursor = ((await response.json()) as { cursor: string }).cursor;
    }
    const pull = await runLoad(server.url, CONNECTIONS, pages * 3, (index) => ({
      method: 'GET',
      path: `/v1/sync/pull?limit=500&cursor=${cursors[index % pages]}`,
      token: tokens[index % CONNECTIONS] as string,
    }));
    console.log(line('pull pages of 500', pull, 'changes', 500));

    const raw = await rawInserts(database.db, tenant.tenantId, tenant.adminId, PUSHES);
    console.log(
      `  raw INSERTs            ${raw.toFixed(0).padStart(7)} tasks/s (task + history + change rows, 100 per transaction, no HTTP)`,
    );
    console.log(`  push ÷ raw             ${((push.perSecond * 100) / raw).toFixed(2)}`);
  } finally {
    await server.close();
  }
}

async function benchSearch(adminUrl: string) {
  console.log(`\nServer search over ${SEARCH_TASKS.toLocaleString('en')} tasks on PostgreSQL`);
  const fresh = await freshPostgres(adminUrl);
  const database = await openDatabase({ databaseUrl: fresh.url });
  const server = await serve(database);
  try {
    const email = `search-${randomUUID()}@bench.test`;
    const tenant = await createTenant(database.db, {
      name: 'Search bench',
      adminName: 'Search Admin',
      adminEmail: email,
      adminPassword: PASSWORD,
    });
    const started = performance.now();
    await insertSearchTasks(database.db, tenant.tenantId, tenant.adminId, SEARCH_TASKS, (done) =>
      process.stdout.write(`\r  inserting… ${done.toLocaleString('en')}`),
    );
    console.log(
      `\r  inserted in ${((performance.now() - started) / 1000).toFixed(0)} s`.padEnd(40),
    );
    const token = await signIn(server.url, email);
    const latencies: number[] = [];
    let results = 0;
    for (let index = 0; index < SEARCHES; index++) {
      // Two words from the frequent half and the rarer half of the list.
      const first = WORDS[(index * 7) % Math.floor(WORDS.length / 2)] as string;
      const second = WORDS[
        Math.floor(WORDS.length / 2) + ((index * 13) % Math.floor(WORDS.length / 2))
      ] as string;
      const sent = performance.now();
      const response = await fetch(
        `${server.url}/v1/tasks?limit=50&q=${encodeURIComponent(`${first} ${second}`)}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const body = (await response.json()) as { items: unknown[] };
      latencies.push(performance.now() - sent);
      results += body.items.length;
    }
    latencies.sort((a, b) => a - b);
    const p95 = percentile(latencies, 0.95);
    console.log(
      `  two-word query, first page of 50: p50 ${ms(percentile(latencies, 0.5))}  p95 ${ms(p95)}  ` +
        `(budget ${SEARCH_BUDGET_P95_MS} ms: ${p95 <= SEARCH_BUDGET_P95_MS ? 'within' : 'OVER'}); ` +
        `${(results / SEARCHES).toFixed(1)} results on average`,
    );
  } finally {
    await server.close();
    await database.close();
    await fresh.drop();
  }
}

async function main() {
  const startLoad = loadavg()[0] ?? 0;
  console.log(
    `Wrapup server bench: ${PUSHES} pushes of 100 mutations, ${CONNECTIONS} connections; ` +
      `${cpus().length} CPUs, load ${startLoad.toFixed(1)}`,
  );
  if (PUSHES > 0) {
    const pglite = await openDatabase({ inMemory: true });
    try {
      await benchDatabase('PGlite (in memory)', pglite);
    } finally {
      await pglite.close();
    }
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    if (PUSHES > 0) {
      const fresh = await freshPostgres(adminUrl);
      const postgres = await openDatabase({ databaseUrl: fresh.url });
      try {
        await benchDatabase('PostgreSQL', postgres);
      } finally {
        await postgres.close();
        await fresh.drop();
      }
    }
    if (SEARCH_TASKS > 0) await benchSearch(adminUrl);
  } else {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  }
  console.log(`\nload average at end ${(loadavg()[0] ?? 0).toFixed(1)}`);
}

await main();
