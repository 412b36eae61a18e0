import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES_REQUIRED_MESSAGE } from '../../lib/domain/call-log';
import { newId } from '../../lib/domain/ids';
import { up } from '../../server/db/migrations/0007_task_logged';
import { openTestApi, type TestApi, type TestTenant, type TestUser } from './support/api';
import { testDatabases } from './support/databases';

const CALL = {
  number: '+442079460000',
  callerName: null,
  direction: 'inbound',
  queue: null,
  campaign: null,
  startedAt: '2026-03-02T08:55:00.000Z',
  connectedAt: null,
  endedAt: '2026-03-02T08:59:00.000Z',
  durationSeconds: 240,
};

const mutation = (name: string, args: Record<string, unknown>) => ({ id: newId(), name, args });

describe.each(testDatabases)('saving call logs on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let agent: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    api = await openTestApi(target);
    tenant = await api.createTenant();
    agent = await tenant.addUser('agent', ['view', 'create', 'edit', 'change_status']);
    viewer = await tenant.addUser('agent', ['view']);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  const push = async (user: TestUser, mutations: ReturnType<typeof mutation>[]) => {
    const response = await api.call(user.token, 'POST', '/v1/sync/push', { mutations });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.results;
  };
  const getTask = async (id: string) =>
    (await api.call(agent.token, 'GET', `/v1/tasks/${id}`)).body;
  const setCodesRequired = async (required: boolean) => {
    const response = await api.call(tenant.admin.token, 'PATCH', '/v1/settings', {
      codesRequiredOnCallLogs: required,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };

  /** A call log as the system makes it (R1): no codes, nobody has saved it. */
  const callLog = async (origin: 'system' | 'campaign' = 'system') => {
    const id = newId();
    const [result] = await push(agent, [
      mutation('task.create', { id, kind: 'call', origin, subject: 'Ended call', call: CALL }),
    ]);
    expect(result.status, JSON.stringify(result)).toBe('applied');
    return id;
  };

  it('R5: with codes mandatory, a call log is made without codes, but an agent cannot save it without one', async () => {
    await setCodesRequired(true);
    const id = await callLog();
    const campaignLog = await callLog('campaign');
    expect((await getTask(campaignLog)).transactionCodes).toEqual([]);

    const patched = await api.call(agent.token, 'PATCH', `/v1/tasks/${id}`, { notes: 'Refund' });
    expect(patched.status).toBe(400);
    expect(patched.body.errors).toEqual([
      { path: 'transactionCodes', message: CODES_REQUIRED_MESSAGE },
    ]);

    const [pushed] = await push(agent, [
      mutation('task.edit', { taskId: id, changes: { notes: 'Refund' }, base: { notes: '' } }),
    ]);
    expect(pushed).toMatchObject({
      status: 'rejected',
      code: 'validation',
      errors: [{ path: 'transactionCodes', message: CODES_REQUIRED_MESSAGE }],
    });
    expect(await getTask(id)).toMatchObject({ notes: '', loggedAt: null, version: 0 });

    // The softphone's wrap-up is the system's report: it is never held up by the rule (R6).
    const [wrapUp] = await push(agent, [
      mutation('task.edit', {
        taskId: id,
        changes: { scheduledAt: '2026-03-03T10:00:00.000Z' },
        source: 'system',
      }),
    ]);
    expect(wrapUp.status, JSON.stringify(wrapUp)).toBe('applied');
    expect((await getTask(id)).loggedAt).toBeNull();
  });

  it("the agent's save logs the call on the task, once, even with nothing else changed", async () => {
    await setCodesRequired(false);
    const id = await callLog();
    expect((await getTask(id)).loggedAt).toBeNull();

    const [saved] = await push(agent, [
      mutation('task.edit', { taskId: id, changes: {}, base: {} }),
    ]);
    expect(saved.status, JSON.stringify(saved)).toBe('applied');
    const logged = await getTask(id);
    expect(logged).toMatchObject({ loggedBy: agent.id, version: 1 });
    expect(typeof logged.loggedAt).toBe('string');

    const later = await api.call(agent.token, 'PATCH', `/v1/tasks/${id}`, { notes: 'More' });
    expect(later.status).toBe(200);
    expect(later.body.loggedAt).toBe(logged.loggedAt);

    // Pull hands the logged task to the agent's other browsers.
    const pulled = await api.call(agent.token, 'GET', '/v1/sync/pull?limit=200');
    const changes = pulled.body.changes.filter(
      (change: { entity: string; id: string }) => change.entity === 'task' && change.id === id,
    );
    expect(changes.at(-1)?.data).toMatchObject({ loggedAt: logged.loggedAt });
  });

  it('R24: a user who may only view a call log cannot log it', async () => {
    const id = await callLog();
    const [refused] = await push(viewer, [
      mutation('task.edit', { taskId: id, changes: {}, base: {} }),
    ]);
    expect(refused).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect((await getTask(id)).loggedAt).toBeNull();
  });
});

describe.each(testDatabases)('migration 0007 on $kind', (target) => {
  it('gives tasks stored before it a null loggedAt and loggedBy', async () => {
    const api = await openTestApi(target);
    try {
      const tenant = await api.createTenant();
      const id = newId();
      const created = await api.call(tenant.admin.token, 'POST', '/v1/tasks', {
        id,
        kind: 'call',
        subject: 'Before loggedAt',
      });
      expect(created.status).toBe(201);
      const db = api.database.db;
      await sql`update tasks set data = data - 'loggedAt' - 'loggedBy'`.execute(db);
      await up(db);
      expect((await api.call(tenant.admin.token, 'GET', `/v1/tasks/${id}`)).body).toMatchObject({
        loggedAt: null,
        loggedBy: null,
      });
    } finally {
      await api.dispose();
    }
  });
});
