import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDelete, saveNewTask, saveTaskEdit } from '../../lib/db/task-commands';
import type { Task } from '../../lib/domain/task';
import type { TaskStatus } from '../../lib/domain/task-kind';
import { openTestApi, type TestApi } from '../server/support/api';
import { testDatabases } from '../server/support/databases';
import type { Fault } from './support/faulty-network';
import { quickTenant } from './support/quick-tenant';
import { type SyncClient, syncClient } from './support/sync-client';

/*
 * The model: three agents' browsers make random changes to shared tasks and sync in random
 * order over a network that goes down, loses replies after the server committed, delivers
 * twice, and delivers late (behind newer requests). However that goes, once the network heals and everyone has synced, every browser holds
 * exactly what the server holds, and every change any browser made is accounted for: the
 * server applied it or refused it, and a refused one is still shown to its agent.
 */

const RUNS = Number(process.env.SYNC_MODEL_RUNS ?? 200);

type Op =
  | { type: 'create'; client: number; subject: string }
  | { type: 'edit'; client: number; pick: number; field: 'subject' | 'notes'; value: string }
  | { type: 'status'; client: number; pick: number; status: TaskStatus }
  | { type: 'delete'; client: number; pick: number }
  | { type: 'sync'; client: number }
  | { type: 'fault'; client: number; fault: Fault; times: number };

const client = fc.integer({ min: 0, max: 2 });
const pick = fc.nat();
const word = fc.constantFrom('alpha', 'bravo', 'charlie', 'delta', 'echo', 'fox');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('create'), client, subject: word }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('edit'),
      client,
      pick,
      field: fc.constantFrom('subject', 'notes'),
      value: word,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('status'),
      client,
      pick,
      status: fc.constantFrom('open', 'in_progress', 'completed'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('delete'), client, pick }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('sync'), client }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('fault'),
      client,
      fault: fc.constantFrom<Fault>('down', 'lose-reply', 'duplicate', 'late'),
      times: fc.integer({ min: 1, max: 3 }),
    }),
  },
);

/** What must agree between every browser and the server. */
const essence = (task: Task) => ({
  id: task.id,
  number: task.number,
  subject: task.subject,
  notes: task.notes,
  status: task.status,
  deleted: task.deletedAt !== null,
});

describe.each(testDatabases)('sync model on $kind', (target) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await openTestApi(target);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  async function liveTasks(browser: SyncClient): Promise<Task[]> {
    return (await browser.db.tasks.toArray()).filter((task) => task.deletedAt === null);
  }

  async function apply(browsers: SyncClient[], op: Op, queued: Set<string>) {
    const browser = browsers[op.client] as SyncClient;
    const chosen = async () => {
      const tasks = (await liveTasks(browser)).sort((a, b) => a.id.localeCompare(b.id));
      return tasks.length === 0 ? undefined : tasks[(op as { pick: number }).pick % tasks.length];
    };
    switch (op.type) {
      case 'create':
        await saveNewTask(browser.db, { kind: 'call', subject: op.subject }, browser.ctx());
        break;
      case 'edit': {
        const task = await chosen();
        if (task) await saveTaskEdit(browser.db, task.id, { [op.field]: op.value }, browser.ctx());
        break;
      }
      case 'status': {
        const task = await chosen();
        if (task) await saveTaskEdit(browser.db, task.id, { status: op.status }, browser.ctx());
        break;
      }
      case 'delete': {
        const task = await chosen();
        if (task) await saveDelete(browser.db, task.id, browser.ctx(), { confirmed: true });
        break;
      }
      case 'sync':
        await browser.sync();
        break;
      case 'fault':
        browser.network.failNext(op.fault, op.times);
        break;
    }
    for (const row of await browser.db.outbox.toArray()) queued.add(row.id);
  }

  it(`every browser ends equal to the server, every change accounted for (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const tenant = await quickTenant(api, ['Ann', 'Bo', 'Cy']);
        const { users } = tenant;
        const browsers = await Promise.all(users.map((user) => syncClient(api, user)));
        const queued = new Set<string>();
        try {
          for (const op of ops) await apply(browsers, op, queued);
          for (const browser of browsers) {
            browser.network.heal();
            await browser.network.flushLate();
          }
          for (let round = 0; round < 2; round += 1) {
            for (const browser of browsers) expect((await browser.sync()).problem).toBeNull();
          }

          const db = api.database.db;
          const serverTasks = (
            await db
              .selectFrom('tasks')
              .select('data')
              .where('tenant_id', '=', tenant.tenantId)
              .execute()
          )
            .map((row) => essence(row.data as Task))
            .sort((a, b) => a.id.localeCompare(b.id));
          for (const browser of browsers) {
            const local = (await browser.db.tasks.toArray())
              .map(essence)
              .sort((a, b) => a.id.localeCompare(b.id));
            expect(local).toEqual(serverTasks);
            expect(await browser.db.outbox.where('state').equals('pending').count()).toBe(0);
          }

          const processed = new Set(
            (
              await db
                .selectFrom('processed_mutations')
                .select('id')
                .where('tenant_id', '=', tenant.tenantId)
                .execute()
            ).map((row) => row.id),
          );
          const stillShown = new Set<string>();
          for (const browser of browsers) {
            for (const row of await browser.db.outbox.toArray()) stillShown.add(row.id);
          }
          for (const id of queued) {
            expect(processed.has(id) || stillShown.has(id), `mutation ${id}`).toBe(true);
          }
        } finally {
          for (const browser of browsers) browser.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
