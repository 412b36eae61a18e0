import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi, type TestTenant, type TestUser } from './support/api';
import { testDatabases } from './support/databases';

/** Every table's rows of one contact center, to prove the other one changed none of them. */
async function snapshot(api: TestApi, tenantId: string) {
  const db = api.database.db;
  const rows = async (
    table:
      | 'tasks'
      | 'task_history'
      | 'customers'
      | 'field_definitions'
      | 'transaction_codes'
      | 'users'
      | 'changes',
  ) =>
    (await db.selectFrom(table).selectAll().where('tenant_id', '=', tenantId).execute())
      .map((row) => JSON.stringify(row))
      .sort();
  const tenant = await db.selectFrom('tenants').selectAll().where('id', '=', tenantId).execute();
  return {
    tenant,
    tasks: await rows('tasks'),
    history: await rows('task_history'),
    customers: await rows('customers'),
    fields: await rows('field_definitions'),
    codes: await rows('transaction_codes'),
    users: await rows('users'),
    changes: await rows('changes'),
  };
}

describe.each(testDatabases)('tenant isolation on $kind', (target) => {
  let api: TestApi;
  let acme: TestTenant;
  let globex: TestTenant;
  let intruder: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await openTestApi(target);
    acme = await api.createTenant('Acme');
    globex = await api.createTenant('Globex');
    intruder = globex.admin;
    const token = acme.admin.token;
    ids.customer = (
      await api.call(token, 'POST', '/v1/customers', { name: 'Acme customer' })
    ).body.id;
    ids.task = (
      await api.call(token, 'POST', '/v1/tasks', {
        kind: 'call',
        subject: 'Acme secret',
        customerId: ids.customer,
      })
    ).body.id;
    ids.clone = (await api.call(token, 'POST', `/v1/tasks/${ids.task}/clone`)).body.id;
    ids.field = (
      await api.call(token, 'POST', '/v1/field-definitions', {
        key: 'acme_only',
        label: 'Acme only',
        type: 'text',
      })
    ).body.id;
    await api.call(token, 'POST', '/v1/transaction-codes', { code: 'ACME', label: 'Acme code' });
    ids.agent = (await acme.addUser('agent', ['view'], 'Acme agent')).id;
  });

  afterAll(async () => {
    await api?.dispose();
  });

  it("lets no endpoint read or change another contact center's records", async () => {
    const before = await snapshot(api, acme.tenantId);
    const attempts: [string, string, unknown?][] = [
      ['GET', `/v1/tasks/${ids.task}`],
      ['GET', `/v1/tasks/${ids.task}/history`],
      ['PATCH', `/v1/tasks/${ids.task}`, { subject: 'pwned' }],
      ['POST', `/v1/tasks/${ids.task}/clone`],
      ['DELETE', `/v1/tasks/${ids.task}?confirmed=true`],
      ['DELETE', `/v1/tasks/${ids.clone}`],
      ['GET', `/v1/customers/${ids.customer}`],
      ['PATCH', `/v1/customers/${ids.customer}`, { name: 'pwned' }],
      ['DELETE', `/v1/customers/${ids.customer}`],
      ['PATCH', `/v1/field-definitions/${ids.field}`, { label: 'pwned' }],
      ['PATCH', '/v1/transaction-codes/ACME', { label: 'pwned' }],
      ['GET', `/v1/users/${ids.agent}`],
      ['PATCH', `/v1/users/${ids.agent}`, { active: false }],
      ['PATCH', `/v1/users/${acme.admin.id}`, { password: 'a long new password' }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await api.call(intruder.token, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
    }

    const mutation = (name: string, args: Record<string, unknown>) => ({
      id: crypto.randomUUID(),
      name,
      args,
    });
    const pushed = await api.call(intruder.token, 'POST', '/v1/sync/push', {
      mutations: [
        mutation('task.edit', { taskId: ids.task, changes: { subject: 'pwned' } }),
        mutation('task.setStatus', { taskId: ids.task, status: 'cancelled' }),
        mutation('task.assign', { taskId: ids.task, assigneeId: null }),
        mutation('task.schedule', {
          taskId: ids.task,
          scheduledAt: null,
          reminderLeadMinutes: null,
        }),
        mutation('task.clone', { sourceId: ids.task, cloneId: crypto.randomUUID() }),
        mutation('task.delete', { taskId: ids.clone, confirmed: true }),
        mutation('task.reminder', { taskId: ids.task, event: { type: 'reminder_fired' } }),
        mutation('customer.edit', { customerId: ids.customer, changes: { name: 'pwned' } }),
        mutation('customer.delete', { customerId: ids.customer }),
      ],
    });
    expect(pushed.body.results.map((result: { code: string }) => result.code)).toEqual(
      Array(9).fill('not_found'),
    );
    const assignToAcme = await api.call(intruder.token, 'POST', '/v1/sync/push', {
      mutations: [
        mutation('task.create', {
          id: crypto.randomUUID(),
          kind: 'call',
          subject: 'x',
          assigneeId: ids.agent,
        }),
      ],
    });
    expect(assignToAcme.body.results[0].code).toBe('validation');

    const creations: [string, unknown][] = [
      ['/v1/tasks', { kind: 'call', subject: 'x', customerId: ids.customer }],
      ['/v1/tasks', { kind: 'call', subject: 'x', assigneeId: ids.agent }],
    ];
    for (const [path, body] of creations) {
      const response = await api.call(intruder.token, 'POST', path, body);
      expect(response.status, `POST ${path}`).toBe(400);
    }

    const lists = [
      '/v1/tasks?includeDeleted=true',
      `/v1/tasks?customerId=${ids.customer}`,
      '/v1/tasks?q=acme%20secret',
      '/v1/customers?includeDeleted=true',
      '/v1/customers?q=acme',
      '/v1/field-definitions',
      '/v1/transaction-codes',
      '/v1/users',
      '/v1/settings',
      '/v1/me',
      '/v1/sync/pull?limit=1000',
    ];
    for (const path of lists) {
      const response = await api.call(intruder.token, 'GET', path);
      expect(response.status, path).toBe(200);
      const text = JSON.stringify(response.body);
      for (const [name, id] of Object.entries(ids)) {
        expect(text, `${path} shows acme's ${name}`).not.toContain(id);
      }
      expect(text).not.toMatch(/Acme (secret|customer|only|code|agent)/);
    }
    await api.call(intruder.token, 'PATCH', '/v1/settings', { autoCallLog: false });
    // Ids are scoped by contact center too: reusing one makes an unrelated record of Globex.
    const sameTaskId = { kind: 'call', subject: 'x', id: ids.task };
    expect((await api.call(intruder.token, 'POST', '/v1/tasks', sameTaskId)).status).toBe(201);
    const sameCustomerId = { name: 'x', id: ids.customer };
    expect((await api.call(intruder.token, 'POST', '/v1/customers', sameCustomerId)).status).toBe(
      201,
    );

    expect(await snapshot(api, acme.tenantId)).toEqual(before);
  });
});
