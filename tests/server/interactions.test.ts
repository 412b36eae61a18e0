import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInteraction } from '../../server/interactions/signature';
import { openTestApi, type TestApi, type TestTenant, type TestUser } from './support/api';
import { testDatabases } from './support/databases';

let sequence = 0;
const interaction = (overrides: Record<string, unknown> = {}) => ({
  interactionId: `IX-${Date.now()}-${++sequence}`,
  type: 'call',
  direction: 'inbound',
  phone: '+1 (415) 555-0134',
  callerName: null,
  startedAt: '2026-03-01T10:00:00Z',
  connectedAt: '2026-03-01T10:00:05Z',
  endedAt: '2026-03-01T10:03:05Z',
  ...overrides,
});

describe.each(testDatabases)('POST /v1/interactions on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let agent: TestUser;
  let customerId: string;

  beforeAll(async () => {
    api = await openTestApi(target);
    tenant = await api.createTenant();
    agent = await tenant.addUser('agent', ['view', 'create', 'edit']);
    customerId = (
      await api.call(tenant.admin.token, 'POST', '/v1/customers', {
        name: 'Ada Lovelace',
        phones: ['+14155550134'],
      })
    ).body.id;
  });

  afterAll(async () => {
    await api?.dispose();
  });

  const send = (
    body: unknown,
    options: { secret?: string; timestamp?: number; tenantId?: string; signature?: string } = {},
  ) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    return api.app.request('/v1/interactions', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wrapup-tenant': options.tenantId ?? tenant.tenantId,
        'x-wrapup-timestamp': timestamp,
        'x-wrapup-signature':
          options.signature ??
          signInteraction(options.secret ?? tenant.webhookSecret, timestamp, text),
      },
      body: text,
    });
  };

  const taskCount = async () =>
    Number(
      (
        await api.database.db
          .selectFrom('tasks')
          .select(api.database.db.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('R1, R3, R5: an ended call makes a call log matched to the customer, assigned to the agent', async () => {
    const body = interaction({ agentEmail: agent.email, transactionCodes: ['SALE'] });
    const response = await send(body);
    expect(response.status).toBe(201);
    const result = await response.json();
    expect(result).toMatchObject({ interactionId: body.interactionId, duplicate: false });
    expect(result.tasks).toHaveLength(1);
    const task = (await api.call(agent.token, 'GET', `/v1/tasks/${result.tasks[0].id}`)).body;
    expect(task).toMatchObject({
      kind: 'call',
      origin: 'system',
      subject: 'Call with +14155550134',
      customerId,
      assigneeId: agent.id,
      transactionId: body.interactionId,
      transactionCodes: ['SALE'],
      createdBy: tenant.tenantId,
      call: { number: '+14155550134', direction: 'inbound', durationSeconds: 180 },
    });
    expect(task.number).toEqual(expect.any(Number));
  });

  it('is idempotent by interaction id: a second report answers the first result', async () => {
    const body = interaction();
    const first = await (await send(body)).json();
    const before = await taskCount();
    const again = await send(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...first, duplicate: true });
    expect(await taskCount()).toBe(before);
  });

  it('R6, R7, R8: a campaign call makes a task with its system codes, and a callback with a reminder', async () => {
    const response = await send(
      interaction({
        type: 'campaign_call',
        direction: 'outbound',
        campaign: 'Spring renewals',
        agentEmail: agent.email,
        systemCodes: [
          { code: 'AMD', label: 'Answer machine detected', source: 'AMD' },
          { code: 'TCL-NEW', label: 'Network busy', source: 'Auto-TCL' },
        ],
        callback: { scheduledAt: '2030-04-01T09:00:00Z', reminderLeadMinutes: 10 },
      }),
    );
    expect(response.status).toBe(201);
    const { tasks } = await response.json();
    expect(tasks).toHaveLength(2);
    const log = (await api.call(agent.token, 'GET', `/v1/tasks/${tasks[0].id}`)).body;
    expect(log).toMatchObject({ origin: 'campaign', transactionCodes: ['AMD', 'TCL-NEW'] });
    const callback = (await api.call(agent.token, 'GET', `/v1/tasks/${tasks[1].id}`)).body;
    expect(callback).toMatchObject({
      kind: 'call',
      origin: 'campaign',
      scheduledAt: '2030-04-01T09:00:00.000Z',
      remindAt: '2030-04-01T08:50:00.000Z',
      assigneeId: agent.id,
      customerId,
    });
    const codes = (await api.call(agent.token, 'GET', '/v1/transaction-codes')).body.items;
    expect(codes).toContainEqual({
      code: 'TCL-NEW',
      label: 'Network busy',
      system: 'Auto-TCL',
      active: true,
    });
  });

  it('R1: no call log when automatic call logs are off, but campaign calls still make one (R7)', async () => {
    await api.call(tenant.admin.token, 'PATCH', '/v1/settings', { autoCallLog: false });
    const plain = await (await send(interaction())).json();
    expect(plain.tasks).toEqual([]);
    const campaign = await (await send(interaction({ type: 'campaign_call' }))).json();
    expect(campaign.tasks).toHaveLength(1);
    await api.call(tenant.admin.token, 'PATCH', '/v1/settings', { autoCallLog: true });
  });

  it('refuses bad signatures, stale timestamps, unknown tenants and bad bodies, storing nothing', async () => {
    const before = await taskCount();
    const body = interaction();
    const refusals = [
      await send(body, { secret: 'not the secret' }),
      await send(body, { signature: 'sha256=00' }),
      await send(body, { timestamp: Math.floor(Date.now() / 1000) - 3600 }),
      await send(body, { tenantId: '00000000-0000-4000-8000-000000000000' }),
      await send(body, { tenantId: "x' or 1=1 --" }),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    const invalid = await send({ ...body, type: 'fax', phone: 'x'.repeat(1000), extra: true });
    expect(invalid.status).toBe(400);
    const problem = await invalid.json();
    expect(problem.errors.map((issue: { path: string }) => issue.path).sort()).toEqual([
      '',
      'phone',
      'type',
    ]);
    expect((await send('{"broken":')).status).toBe(400);
    expect(await taskCount()).toBe(before);
  });

  it('reaches agents through sync', async () => {
    const { cursor } = (await api.call(agent.token, 'GET', '/v1/sync/pull?limit=1000')).body;
    const result = await (await send(interaction({ agentEmail: agent.email }))).json();
    const pulled = (await api.call(agent.token, 'GET', `/v1/sync/pull?cursor=${cursor}`)).body;
    expect(pulled.changes.map((change: { id: string }) => change.id)).toContain(result.tasks[0].id);
  });
});
