import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openedCustomers, rememberOpenedCustomer } from '../../lib/db/sync-meta';
import { loadCustomerTasks } from '../../lib/sync/load-customer-tasks';
import { serverHttp } from '../../lib/sync/server-http';
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
});
