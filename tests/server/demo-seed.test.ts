import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../server/demo/seed-demo';
import { openTestApi, type TestApi } from './support/api';
import { testDatabases } from './support/databases';

describe.each(testDatabases)('demo contact center on $kind', (target) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await openTestApi(target);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  it('is never created in production', async () => {
    expect(await seedDemoIfEmpty(api.database.db, { NODE_ENV: 'production' })).toBeNull();
    expect(await api.database.db.selectFrom('tenants').selectAll().execute()).toEqual([]);
  });

  it('is created on an empty database with accounts that sign in, and only once', async () => {
    const seed = await seedDemoIfEmpty(api.database.db, {});
    expect(seed?.created).toBe(true);
    expect(seed?.accounts.map((account) => account.role)).toEqual([
      'administrator',
      'agent',
      'agent',
    ]);
    const again = await seedDemoIfEmpty(api.database.db, {});
    expect(again).toEqual({ ...seed, created: false });
    expect(await api.database.db.selectFrom('tenants').select('name').execute()).toHaveLength(1);

    const [admin, agent] = seed?.accounts ?? [];
    const agentToken = await api.signIn(agent?.email ?? '', agent?.password);
    await api.signIn(admin?.email ?? '', admin?.password);

    // R3: the demo softphone's callers are customers, found by their number.
    const fixture = '../fixtures/demo-customers.js';
    const { CUSTOMERS } = (await import(fixture)) as {
      CUSTOMERS: { id: string; name: string; phone: string }[];
    };
    expect(CUSTOMERS.length).toBeGreaterThan(0);
    for (const caller of CUSTOMERS) {
      const found = await api.call(
        agentToken,
        'GET',
        `/v1/customers?phone=${encodeURIComponent(caller.phone)}`,
      );
      expect(found.body.items.map((customer: { name: string }) => customer.name)).toEqual([
        caller.name,
      ]);
      expect(found.body.items[0].externalIds).toEqual([caller.id]);
    }
    const codes = (await api.call(agentToken, 'GET', '/v1/transaction-codes')).body.items;
    expect(codes.filter((code: { system: string | null }) => code.system !== null)).toHaveLength(4);
    expect(
      codes.filter((code: { system: string | null }) => code.system === null).length,
    ).toBeGreaterThan(0);
    const fields = (await api.call(agentToken, 'GET', '/v1/field-definitions')).body.items;
    expect(fields.length).toBeGreaterThanOrEqual(3);
    const task = await api.call(agentToken, 'POST', '/v1/tasks', {
      kind: 'call',
      subject: 'Try it',
    });
    expect(task.status).toBe(201);
    expect(task.body.fields.priority).toBe('Normal');
  });
});
