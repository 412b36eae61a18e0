import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi, type TestTenant, type TestUser } from './support/api';
import { testDatabases } from './support/databases';

const PROFILE = (id: string) => ({
  id,
  name: `Console ${id}`,
  matches: [`https://${id}.example/*`],
  selectors: { activeCall: '.call', number: '.number' },
  states: { connected: 'talking' },
});

describe.each(testDatabases)('two administrators changing the settings on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let secondAdmin: TestUser;
  let agent: TestUser;

  const read = async () => (await api.call(agent.token, 'GET', '/v1/settings')).body;

  beforeAll(async () => {
    api = await openTestApi(target);
    tenant = await api.createTenant();
    secondAdmin = await tenant.addUser('administrator', ['view'], 'Cy Admin');
    agent = await tenant.addUser('agent', ['view', 'create', 'edit']);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  it('R1: a change made on settings someone saved since is refused with 409, and nothing changes', async () => {
    const seenByA = (await api.call(tenant.admin.token, 'GET', '/v1/settings')).body;
    const seenByB = (await api.call(secondAdmin.token, 'GET', '/v1/settings')).body;
    expect(seenByA.version).toMatch(/^\d+$/);

    const byB = await api.call(secondAdmin.token, 'PATCH', '/v1/settings', {
      softphoneProfiles: [PROFILE('bee')],
      baseVersion: seenByB.version,
    });
    expect(byB.status).toBe(200);
    expect(byB.body.version).not.toBe(seenByB.version);
    const afterB = await read();
    expect(afterB).toEqual(byB.body);

    const { body: before } = await api.call(agent.token, 'GET', '/v1/sync/pull?limit=500');
    const staleByA = await api.call(tenant.admin.token, 'PATCH', '/v1/settings', {
      softphoneProfiles: [PROFILE('ant')],
      baseVersion: seenByA.version,
    });
    expect(staleByA.status).toBe(409);
    expect(staleByA.body.detail).toMatch(/changed by someone else meanwhile/);
    expect(staleByA.body.version).toBe(byB.body.version);
    expect(await read()).toEqual(afterB);
    const pulled = await api.call(
      agent.token,
      'GET',
      `/v1/sync/pull?limit=500&cursor=${before.cursor}`,
    );
    expect(pulled.body.changes).toEqual([]);

    const freshByA = await api.call(tenant.admin.token, 'PATCH', '/v1/settings', {
      softphoneProfiles: [PROFILE('bee'), PROFILE('ant')],
      baseVersion: afterB.version,
    });
    expect(freshByA.status).toBe(200);
    expect(freshByA.body.softphoneProfiles).toEqual([PROFILE('bee'), PROFILE('ant')]);
    expect(await read()).toEqual(freshByA.body);
  });

  it('moves the version only when the settings change, not with every other write', async () => {
    const { version } = await read();
    const task = await api.call(agent.token, 'POST', '/v1/tasks', { kind: 'call', subject: 'x' });
    expect(task.status).toBe(201);
    expect((await read()).version).toBe(version);
    const changed = await api.call(tenant.admin.token, 'PATCH', '/v1/settings', {
      autoCallLog: false,
      baseVersion: version,
    });
    expect(changed.status).toBe(200);
  });

  it('applies a change without baseVersion as before (clients older than the check)', async () => {
    const changed = await api.call(tenant.admin.token, 'PATCH', '/v1/settings', {
      defaultReminderLeadMinutes: 20,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.defaultReminderLeadMinutes).toBe(20);
    expect((await read()).version).toBe(changed.body.version);
  });

  it('refuses a baseVersion that is no version', async () => {
    const before = await read();
    const refused = await api.call(tenant.admin.token, 'PATCH', '/v1/settings', {
      autoCallLog: true,
      baseVersion: 'latest',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('baseVersion');
    expect(await read()).toEqual(before);
  });
});
