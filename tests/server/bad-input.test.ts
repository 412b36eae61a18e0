import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/domain/ids';
import { openTestApi, type TestApi, type TestTenant } from './support/api';
import { testDatabases } from './support/databases';

/** Everything a bad request could have touched, to show it touched nothing. */
async function everything(api: TestApi) {
  const db = api.database.db;
  const tables = [
    'tenants',
    'users',
    'tasks',
    'task_history',
    'customers',
    'field_definitions',
    'transaction_codes',
    'changes',
    'processed_mutations',
  ] as const;
  const state: Record<string, string[]> = {};
  for (const table of tables) {
    state[table] = (await db.selectFrom(table).selectAll().execute())
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return state;
}

describe.each(testDatabases)('bad input on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let taskId: string;

  beforeAll(async () => {
    api = await openTestApi(target, { bodyLimitBytes: 64 * 1024 });
    tenant = await api.createTenant();
    taskId = (
      await api.call(tenant.admin.token, 'POST', '/v1/tasks', { kind: 'call', subject: 'Target' })
    ).body.id;
  });

  afterAll(async () => {
    await api?.dispose();
  });

  const cases: [string, string, string, unknown, number, RegExp | string][] = [
    ['wrong types', 'POST', '/v1/tasks', { kind: 1, subject: ['x'], notes: {} }, 400, 'subject'],
    ['missing fields', 'POST', '/v1/tasks', {}, 400, 'kind'],
    [
      'unknown fields',
      'POST',
      '/v1/tasks',
      { kind: 'call', subject: 'x', isAdmin: true },
      400,
      'Unknown field: isAdmin.',
    ],
    [
      'a huge string',
      'POST',
      '/v1/tasks',
      { kind: 'call', subject: 'x', notes: 'n'.repeat(20_001) },
      400,
      'At most 20000 characters.',
    ],
    [
      'too many list items',
      'POST',
      '/v1/tasks',
      { kind: 'call', subject: 'x', transactionCodes: Array(101).fill('A') },
      400,
      'At most 100 items.',
    ],
    [
      'a body over the limit',
      'POST',
      '/v1/tasks',
      { kind: 'call', subject: 'x', notes: 'n'.repeat(70_000) },
      413,
      'at most',
    ],
    ['not JSON', 'POST', '/v1/tasks', '{"kind": "call",', 400, 'must be JSON'],
    ['a JSON array', 'POST', '/v1/tasks', '[1,2,3]', 400, 'group of values'],
    ['a bad timestamp', 'PATCH', '', { scheduledAt: 'tomorrow' }, 400, 'date and time'],
    [
      'a prototype key',
      'PATCH',
      '',
      JSON.parse('{"__proto__": {"admin": true}, "fields": {"__proto__": 1}}'),
      400,
      'Unknown field: __proto__.',
    ],
    ['a bad id in a path', 'GET', "/v1/tasks/'; drop table tasks; --", undefined, 404, 'not found'],
    ['a bad cursor', 'GET', '/v1/sync/pull?cursor=1;select', undefined, 400, 'cursor'],
    [
      'a bad mutation envelope',
      'POST',
      '/v1/sync/push',
      { mutations: [{ id: 'x', name: 'task.create', args: {} }] },
      400,
      'valid id',
    ],
  ];

  it.each(cases)(
    'answers %s with the right status and a clear message, changing nothing',
    async (_, method, path, body, status, message) => {
      const before = await everything(api);
      const response = await api.call(
        tenant.admin.token,
        method,
        path || `/v1/tasks/${taskId}`,
        body,
      );
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const text = JSON.stringify(response.body);
      expect(text).toMatch(
        typeof message === 'string'
          ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')
          : message,
      );
      expect(text).not.toMatch(/at \w+ \(|node_modules|select |insert into|syntax error/i);
      expect(await everything(api)).toEqual(before);
    },
  );

  it('stores unicode, control characters and SQL-looking text exactly as given', async () => {
    const subject = "Robert'); DROP TABLE tasks;-- 👩‍💻 \u0000\u0007 ﷽ \u202e";
    const notes = 'Ünïcödé\r\n\ttab <script>alert(1)</script> %s %n $1 {{x}}';
    const created = await api.call(tenant.admin.token, 'POST', '/v1/tasks', {
      kind: 'call',
      subject: subject.replace('\u0000', ''),
      notes,
    });
    expect(created.status).toBe(201);
    const read = await api.call(tenant.admin.token, 'GET', `/v1/tasks/${created.body.id}`);
    expect(read.body.subject).toBe(subject.replace('\u0000', ''));
    expect(read.body.notes).toBe(notes);
    const found = await api.call(
      tenant.admin.token,
      'GET',
      `/v1/tasks?q=${encodeURIComponent("robert' drop")}`,
    );
    expect(found.body.items.map((task: { id: string }) => task.id)).toEqual([created.body.id]);
  });

  it('refuses a NUL character, which PostgreSQL text cannot hold, as bad input', async () => {
    const before = await everything(api);
    const response = await api.call(tenant.admin.token, 'POST', '/v1/tasks', {
      kind: 'call',
      subject: 'a\u0000b',
    });
    expect(response.status).toBe(400);
    expect(await everything(api)).toEqual(before);
  });

  it('refuses forged, truncated and other tokens with 401 and changes nothing', async () => {
    const before = await everything(api);
    const real = tenant.admin.token;
    for (const token of [
      `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`,
      real.slice(0, 20),
      `wrp_${'A'.repeat(43)}`,
      "' or '1'='1",
      'x'.repeat(5000),
    ]) {
      const response = await api.app.request('/v1/tasks', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'call', subject: 'forged' }),
      });
      expect(response.status).toBe(401);
    }
    expect(await everything(api)).toEqual(before);
  });

  it('names a mutation id that is not an id', async () => {
    const response = await api.call(tenant.admin.token, 'POST', '/v1/sync/push', {
      mutations: [{ id: newId(), name: 'task.edit', args: { taskId, changes: { subject: 7 } } }],
    });
    expect(response.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'validation',
      errors: [{ path: 'changes.subject', message: 'Must be text.' }],
    });
  });
});
