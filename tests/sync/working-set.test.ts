import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyOf } from '../../lib/db/queries/history-of';
import {
  MAX_OPENED_TASKS,
  openedCustomers,
  openedTasks,
  rememberOpenedCustomer,
  rememberOpenedTask,
} from '../../lib/db/sync-meta';
import { keepOpenedTaskCurrent } from '../../lib/sync/keep-opened-task-current';
import { loadCustomerTasks } from '../../lib/sync/load-customer-tasks';
import { serverHttp } from '../../lib/sync/server-http';
import { searchServerTasks, storeFoundTask } from '../../lib/sync/server-search';
import { openTestApi, type TestApi } from '../server/support/api';
import { testDatabases } from '../server/support/databases';
import { quickTenant } from './support/quick-tenant';
import { syncClient } from './support/sync-client';

describe.each(testDatabases)('the working set on $kind', (target) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await openTestApi(target);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  it('holds a customer’s old tasks once the agent opens the customer, and keeps them current', async () => {
    const { tenantId, users } = await quickTenant(api, ['Ann', 'Bo']);
    const [ann, bo] = users as [(typeof users)[0], (typeof users)[0]];
    const customerId = crypto.randomUUID();
    const oldTaskId = crypto.randomUUID();
    const push = (mutations: unknown[]) =>
      api.call(bo.token, 'POST', '/v1/sync/push', { mutations });
    await push([
      {
        id: crypto.randomUUID(),
        name: 'customer.create',
        args: { id: customerId, name: 'Old Co' },
      },
      {
        id: crypto.randomUUID(),
        name: 'task.create',
        args: { id: oldTaskId, kind: 'call', subject: 'Years ago', customerId },
      },
    ]);
    // Last touched long before the working set's 90 days.
    await sql`update changes set touched_at = now() - interval '400 days'
              where tenant_id = ${tenantId} and entity in ('task', 'history')`.execute(
      api.database.db,
    );

    const browser = await syncClient(api, ann);
    await browser.sync();
    expect(await browser.db.tasks.get(oldTaskId)).toBeUndefined();
    expect(await browser.db.customers.get(customerId)).toMatchObject({ name: 'Old Co' });

    expect(await rememberOpenedCustomer(browser.db, customerId)).toBe(true);
    expect(await rememberOpenedCustomer(browser.db, customerId)).toBe(false);
    const http = serverHttp({
      serverUrl: 'http://wrapup.test',
      token: ann.token,
      fetch: async (input, init) => api.app.fetch(new Request(input, init)),
    });
    expect(await loadCustomerTasks(browser.db, http, customerId, ann.id)).toBe(1);
    expect(await browser.db.tasks.get(oldTaskId)).toMatchObject({ subject: 'Years ago' });
    expect(await openedCustomers(browser.db)).toEqual([customerId]);

    // Bo edits it; Ann's next pull brings the change, since the customer is in her scope.
    await push([
      {
        id: crypto.randomUUID(),
        name: 'task.edit',
        args: { taskId: oldTaskId, changes: { notes: 'Called again' } },
      },
    ]);
    await sql`update changes set touched_at = now() - interval '400 days'
              where tenant_id = ${tenantId} and entity in ('task', 'history')`.execute(
      api.database.db,
    );
    await browser.sync();
    expect(await browser.db.tasks.get(oldTaskId)).toMatchObject({ notes: 'Called again' });
    browser.close();
  });

  it('keeps a task opened from a server search current: its copy and history at once, its edits later', async () => {
    const { tenantId, users } = await quickTenant(api, ['Ann', 'Bo']);
    const [ann, bo] = users as [(typeof users)[0], (typeof users)[0]];
    const taskId = crypto.randomUUID();
    const push = (mutations: unknown[]) =>
      api.call(ann.token, 'POST', '/v1/sync/push', { mutations });
    const edit = (changes: Record<string, unknown>) =>
      push([{ id: crypto.randomUUID(), name: 'task.edit', args: { taskId, changes } }]);
    /** As if Ann last touched her tasks long ago: outside Bo's working set but for his scope. */
    const ageTasks = () =>
      sql`update changes set touched_at = now() - interval '400 days'
          where tenant_id = ${tenantId} and entity in ('task', 'history')`.execute(api.database.db);
    await push([
      {
        id: crypto.randomUUID(),
        name: 'task.create',
        args: { id: taskId, kind: 'email', subject: 'Zeppelin charter', assigneeId: ann.id },
      },
    ]);
    await ageTasks();

    const browser = await syncClient(api, bo);
    await browser.sync();
    expect(await browser.db.tasks.get(taskId)).toBeUndefined();
    const http = serverHttp({
      serverUrl: 'http://wrapup.test',
      token: bo.token,
      fetch: async (input, init) => api.app.fetch(new Request(input, init)),
    });
    const [found] = await searchServerTasks(http, 'zeppelin');
    if (!found) throw new Error('The server search did not find Ann’s task.');
    expect(found.id).toBe(taskId);

    // Ann edits it after Bo's search, and Bo's sync passes that change before he opens the task.
    await edit({ notes: 'Two passengers' });
    await ageTasks();
    await browser.sync();
    await storeFoundTask(browser.db, found, browser.ctx());
    expect(await keepOpenedTaskCurrent(browser.db, http, taskId, bo.id)).toBe(true);
    expect(await browser.db.tasks.get(taskId)).toMatchObject({ notes: 'Two passengers' });
    expect((await historyOf(browser.db, taskId)).map((entry) => entry.event.type)).toEqual([
      'created',
      'changed',
    ]);
    expect(await openedTasks(browser.db)).toEqual([taskId]);

    await edit({ subject: 'Zeppelin charter, confirmed' });
    await ageTasks();
    await browser.sync();
    expect(await browser.db.tasks.get(taskId)).toMatchObject({
      subject: 'Zeppelin charter, confirmed',
    });
    expect(await historyOf(browser.db, taskId)).toHaveLength(3);
    browser.close();
  });

  it('remembers at most MAX_OPENED_TASKS opened tasks, most recent first', async () => {
    const {
      users: [cy],
    } = await quickTenant(api, ['Cy']);
    if (!cy) throw new Error('no agent');
    const browser = await syncClient(api, cy);
    const ids = Array.from({ length: MAX_OPENED_TASKS + 1 }, () => crypto.randomUUID());
    for (const id of ids) expect(await rememberOpenedTask(browser.db, id)).toBe(true);
    expect(await rememberOpenedTask(browser.db, ids[5] as string)).toBe(false);
    const kept = await openedTasks(browser.db);
    expect(kept).toHaveLength(MAX_OPENED_TASKS);
    expect(kept[0]).toBe(ids[5]);
    expect(kept).not.toContain(ids[0]);
    browser.close();
  });
});
