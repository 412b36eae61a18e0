import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/domain/settings';
import { SYSTEM_TRANSACTION_CODES } from '../../lib/domain/transaction-code';
import { openTestApi, PASSWORD, type TestApi, type TestTenant, type TestUser } from './support/api';
import { testDatabases } from './support/databases';

describe.each(testDatabases)('administration on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let agent: TestUser;

  beforeAll(async () => {
    api = await openTestApi(target);
    tenant = await api.createTenant();
    agent = await tenant.addUser('agent', ['view', 'create', 'edit', 'delete', 'change_status']);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  describe('field definitions', () => {
    it('R20: administrators add and edit custom fields; everyone reads them', async () => {
      const created = await api.call(tenant.admin.token, 'POST', '/v1/field-definitions', {
        key: 'priority',
        label: 'Priority',
        type: 'select',
        options: ['Low', 'High'],
        required: true,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ key: 'priority', archived: false, order: 0 });
      const edited = await api.call(
        tenant.admin.token,
        'PATCH',
        `/v1/field-definitions/${created.body.id}`,
        { label: 'Urgency', options: ['Low', 'High', 'Critical'] },
      );
      expect(edited.body).toMatchObject({ label: 'Urgency', options: ['Low', 'High', 'Critical'] });
      const list = await api.call(agent.token, 'GET', '/v1/field-definitions');
      expect(list.body.items).toEqual([edited.body]);
    });

    it('R20: task values are checked against the custom fields', async () => {
      const missing = await api.call(agent.token, 'POST', '/v1/tasks', {
        kind: 'call',
        subject: 'x',
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].path).toBe('fields.priority');
      const wrong = await api.call(agent.token, 'POST', '/v1/tasks', {
        kind: 'call',
        subject: 'x',
        fields: { priority: 'Whenever' },
      });
      expect(wrong.status).toBe(400);
      const right = await api.call(agent.token, 'POST', '/v1/tasks', {
        kind: 'call',
        subject: 'x',
        fields: { priority: 'High' },
      });
      expect(right.status).toBe(201);
    });

    it('R20: refuses a duplicate key, a type change, and agents', async () => {
      const duplicate = await api.call(tenant.admin.token, 'POST', '/v1/field-definitions', {
        key: 'priority',
        label: 'Again',
        type: 'text',
      });
      expect(duplicate.status).toBe(400);
      expect(duplicate.body.errors).toEqual([
        { path: 'key', message: 'Another field already uses this key.' },
      ]);
      const list = (await api.call(agent.token, 'GET', '/v1/field-definitions')).body.items;
      const retype = await api.call(
        tenant.admin.token,
        'PATCH',
        `/v1/field-definitions/${list[0].id}`,
        {
          type: 'text',
        },
      );
      expect(retype.status).toBe(400);
      const byAgent = await api.call(agent.token, 'POST', '/v1/field-definitions', {
        key: 'other',
        label: 'Other',
        type: 'text',
      });
      expect(byAgent.status).toBe(403);
      expect(byAgent.body.detail).toBe('Only administrators can add custom fields.');
      const archive = await api.call(
        tenant.admin.token,
        'PATCH',
        `/v1/field-definitions/${list[0].id}`,
        {
          archived: true,
        },
      );
      expect(archive.body.archived).toBe(true);
    });
  });

  describe('transaction codes', () => {
    it('R6: a new contact center has the system codes', async () => {
      const list = await api.call(agent.token, 'GET', '/v1/transaction-codes');
      expect(list.body.items).toEqual(
        expect.arrayContaining(SYSTEM_TRANSACTION_CODES.map((code) => ({ ...code }))),
      );
    });

    it('R5: administrators add and retire codes; system codes stay as they are', async () => {
      const added = await api.call(tenant.admin.token, 'POST', '/v1/transaction-codes', {
        code: 'SALE',
        label: 'Sale made',
      });
      expect(added.status).toBe(201);
      expect(added.body).toEqual({ code: 'SALE', label: 'Sale made', system: null, active: true });
      const again = await api.call(tenant.admin.token, 'POST', '/v1/transaction-codes', {
        code: 'sale',
        label: 'Twice',
      });
      expect(again.status).toBe(409);
      const retired = await api.call(tenant.admin.token, 'PATCH', '/v1/transaction-codes/SALE', {
        active: false,
      });
      expect(retired.body.active).toBe(false);
      const system = await api.call(tenant.admin.token, 'PATCH', '/v1/transaction-codes/AMD', {
        label: 'Robot',
      });
      expect(system.status).toBe(403);
      const systemAgain = await api.call(tenant.admin.token, 'POST', '/v1/transaction-codes', {
        code: 'amd',
        label: 'Answering machine',
      });
      expect(systemAgain.status).toBe(403);
      expect(systemAgain.body.detail).toContain('AMD is a system code');
      const byAgent = await api.call(agent.token, 'POST', '/v1/transaction-codes', {
        code: 'X',
        label: 'X',
      });
      expect(byAgent.status).toBe(403);
      const bad = await api.call(tenant.admin.token, 'POST', '/v1/transaction-codes', {
        code: 'no spaces; drop table',
        label: '',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((issue: { path: string }) => issue.path).sort()).toEqual([
        'code',
        'label',
      ]);
    });
  });

  describe('users and permissions', () => {
    it('R19, R24: administrators add users with permissions, who then sign in', async () => {
      const created = await api.call(tenant.admin.token, 'POST', '/v1/users', {
        name: 'Cy Agent',
        email: 'cy@users.example',
        role: 'agent',
        permissions: ['view', 'create'],
        password: PASSWORD,
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Cy Agent',
        email: 'cy@users.example',
        role: 'agent',
        permissions: ['view', 'create'],
        active: true,
      });
      expect(JSON.stringify(created.body)).not.toContain('password');
      const token = await api.signIn('cy@users.example');
      const clone = await api.call(token, 'POST', '/v1/tasks', {
        kind: 'call',
        subject: 'x',
        fields: {},
      });
      expect([201, 400]).toContain(clone.status);
      const list = await api.call(token, 'GET', '/v1/users');
      expect(list.body.items.map((user: { email: string }) => user.email)).toContain(
        'cy@users.example',
      );
      const taken = await api.call(tenant.admin.token, 'POST', '/v1/users', {
        name: 'Again',
        email: 'CY@users.example',
        role: 'agent',
        password: PASSWORD,
      });
      expect(taken.status).toBe(409);
    });

    it('R24: a permission granted later works at once; deactivation stops the tokens', async () => {
      const user = await tenant.addUser('agent', ['view']);
      const denied = await api.call(user.token, 'POST', '/v1/customers', { name: 'Z' });
      expect(denied.status).toBe(403);
      const granted = await api.call(tenant.admin.token, 'PATCH', `/v1/users/${user.id}`, {
        permissions: ['view', 'create'],
      });
      expect(granted.body.permissions).toEqual(['view', 'create']);
      expect((await api.call(user.token, 'POST', '/v1/customers', { name: 'Z' })).status).toBe(201);
      await api.call(tenant.admin.token, 'PATCH', `/v1/users/${user.id}`, { active: false });
      expect((await api.call(user.token, 'GET', '/v1/me')).status).toBe(401);
    });

    it('a new password revokes the old tokens', async () => {
      const user = await tenant.addUser();
      await api.call(tenant.admin.token, 'PATCH', `/v1/users/${user.id}`, {
        password: 'another long password',
      });
      expect((await api.call(user.token, 'GET', '/v1/me')).status).toBe(401);
      expect(await api.signIn(user.email, 'another long password')).toMatch(/^wrp_/);
    });

    it('only administrators manage users; none can lock themselves out', async () => {
      const byAgent = await api.call(agent.token, 'PATCH', `/v1/users/${agent.id}`, {
        role: 'administrator',
      });
      expect(byAgent.status).toBe(403);
      expect(byAgent.body.detail).toBe('Only administrators can change users.');
      const self = await api.call(tenant.admin.token, 'PATCH', `/v1/users/${tenant.admin.id}`, {
        active: false,
      });
      expect(self.status).toBe(409);
      const short = await api.call(tenant.admin.token, 'POST', '/v1/users', {
        name: 'Short',
        email: 'short@users.example',
        role: 'root',
        password: 'short',
      });
      expect(short.status).toBe(400);
      expect(short.body.errors.map((issue: { path: string }) => issue.path).sort()).toEqual([
        'password',
        'role',
      ]);
    });
  });

  describe('settings', () => {
    it('R1, R2, R11: everyone reads the settings; administrators change them', async () => {
      expect((await api.call(agent.token, 'GET', '/v1/settings')).body).toEqual({
        ...DEFAULT_SETTINGS,
        version: '0',
      });
      const changed = await api.call(tenant.admin.token, 'PATCH', '/v1/settings', {
        callLogOpensIn: 'view',
        defaultReminderLeadMinutes: 15,
      });
      expect(changed.body).toEqual({
        ...DEFAULT_SETTINGS,
        callLogOpensIn: 'view',
        defaultReminderLeadMinutes: 15,
        version: expect.stringMatching(/^[1-9]\d*$/),
      });
      const task = await api.call(agent.token, 'POST', '/v1/tasks', {
        kind: 'call',
        subject: 'Call back',
        scheduledAt: '2030-01-02T10:00:00Z',
        fields: { priority: 'Low' },
      });
      expect(task.body.remindAt).toBe('2030-01-02T09:45:00.000Z');
      const byAgent = await api.call(agent.token, 'PATCH', '/v1/settings', { autoCallLog: false });
      expect(byAgent.status).toBe(403);
      const bad = await api.call(tenant.admin.token, 'PATCH', '/v1/settings', {
        workingSetDays: 0,
        color: 'red',
      });
      expect(bad.status).toBe(400);
    });

    const ACME_PROFILE = {
      id: 'acme',
      name: 'Acme console',
      matches: ['https://console.acme.example/*'],
      selectors: { activeCall: '.call', number: '.number' },
      states: { connected: 'talking' },
    };
    const CRM_PAGE = {
      id: 'crm',
      name: 'Our CRM',
      urlPattern: '^https://crm\\.example\\.com/customers/(\\d+)',
      selectors: { name: 'h1' },
    };

    it('R1: administrators share softphone profiles and customer pages with every agent, by sync too', async () => {
      const { body: before } = await api.call(agent.token, 'GET', '/v1/sync/pull?limit=500');
      const changed = await api.call(tenant.admin.token, 'PATCH', '/v1/settings', {
        softphoneProfiles: [ACME_PROFILE],
        customerPageRecognisers: [CRM_PAGE],
      });
      expect(changed.status).toBe(200);
      const read = await api.call(agent.token, 'GET', '/v1/settings');
      expect(read.body).toMatchObject({
        softphoneProfiles: [ACME_PROFILE],
        customerPageRecognisers: [CRM_PAGE],
      });
      const pulled = await api.call(
        agent.token,
        'GET',
        `/v1/sync/pull?limit=500&cursor=${before.cursor}`,
      );
      const settings = pulled.body.changes.find(
        (change: { entity: string }) => change.entity === 'settings',
      );
      expect(settings.data.softphoneProfiles).toEqual([ACME_PROFILE]);
      expect(settings.data.customerPageRecognisers).toEqual([CRM_PAGE]);
      const byAgent = await api.call(agent.token, 'PATCH', '/v1/settings', {
        softphoneProfiles: [],
      });
      expect(byAgent.status).toBe(403);
    });

    it('refuses a bad shared profile or recogniser, naming the entry, and keeps the stored lists', async () => {
      await api.call(tenant.admin.token, 'PATCH', '/v1/settings', {
        softphoneProfiles: [ACME_PROFILE],
      });
      const cases = [
        [{ softphoneProfiles: [{ ...ACME_PROFILE, matches: [] }] }, 'softphoneProfiles.0.matches'],
        [
          { softphoneProfiles: [{ ...ACME_PROFILE, states: { connected: '(' } }] },
          'softphoneProfiles.0.states.connected',
        ],
        [{ softphoneProfiles: [ACME_PROFILE, ACME_PROFILE] }, 'softphoneProfiles.1.id'],
        [
          { customerPageRecognisers: [{ ...CRM_PAGE, urlPattern: 'no-group' }] },
          'customerPageRecognisers.0.urlPattern',
        ],
        [
          {
            softphoneProfiles: Array.from({ length: 51 }, (_, index) => ({
              ...ACME_PROFILE,
              id: `p${index}`,
            })),
          },
          'softphoneProfiles',
        ],
      ] as const;
      for (const [body, path] of cases) {
        const refused = await api.call(tenant.admin.token, 'PATCH', '/v1/settings', body);
        expect(refused.status).toBe(400);
        expect(refused.body.errors.map((issue: { path: string }) => issue.path)).toContain(path);
      }
      const read = await api.call(agent.token, 'GET', '/v1/settings');
      expect(read.body.softphoneProfiles).toEqual([ACME_PROFILE]);
    });
  });
});
