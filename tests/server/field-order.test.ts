import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/domain/ids';
import { openTestApi, type TestApi, type TestTenant, type TestUser } from './support/api';
import { testDatabases } from './support/databases';

interface Field {
  id: string;
  key: string;
  order: number;
}

describe.each(testDatabases)('PUT /v1/field-definitions/order on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let agent: TestUser;
  let fields: Field[];

  const list = async (): Promise<Field[]> =>
    (await api.call(agent.token, 'GET', '/v1/field-definitions')).body.items;
  const keys = (items: Field[]) => items.map((field) => field.key);
  const reorder = (token: string, orderedIds: unknown) =>
    api.call(token, 'PUT', '/v1/field-definitions/order', { orderedIds });

  beforeAll(async () => {
    api = await openTestApi(target);
    tenant = await api.createTenant();
    agent = await tenant.addUser('agent', ['view', 'create', 'edit']);
    for (const key of ['first', 'second', 'third', 'fourth']) {
      await api.call(tenant.admin.token, 'POST', '/v1/field-definitions', {
        key,
        label: key,
        type: 'text',
      });
    }
    fields = await list();
  });

  afterAll(async () => {
    await api?.dispose();
  });

  it('R20: applies the whole order in one write, answers every field in order, and agents pull it', async () => {
    const { body: before } = await api.call(agent.token, 'GET', '/v1/sync/pull?limit=500');
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field.id]));
    const answer = await reorder(tenant.admin.token, [
      byKey.fourth,
      byKey.third,
      byKey.second,
      byKey.first,
    ]);
    expect(answer.status).toBe(200);
    expect(keys(answer.body.items)).toEqual(['fourth', 'third', 'second', 'first']);
    expect(answer.body.items.map((field: Field) => field.order)).toEqual([0, 1, 2, 3]);
    expect(await list()).toEqual(answer.body.items);

    const pulled = await api.call(
      agent.token,
      'GET',
      `/v1/sync/pull?limit=500&cursor=${before.cursor}`,
    );
    const changes = pulled.body.changes.filter(
      (change: { entity: string }) => change.entity === 'fieldDefinition',
    );
    expect(
      changes.map((change: { data: Field }) => [change.data.key, change.data.order]).sort(),
    ).toEqual([
      ['first', 3],
      ['fourth', 0],
      ['second', 2],
      ['third', 1],
    ]);
    // One transaction: every move carries the same revision, so no pull sees half of them.
    expect(new Set(changes.map((change: { revision: string }) => change.revision)).size).toBe(1);
    fields = answer.body.items;
  });

  it('R20: fields left out keep their order after the listed ones', async () => {
    const [a, b, c, d] = fields.map((field) => field.id);
    const answer = await reorder(tenant.admin.token, [c, a]);
    expect(answer.body.items.map((field: Field) => field.id)).toEqual([c, a, b, d]);
    fields = answer.body.items;
  });

  it('R24: an agent is refused, and the order stays', async () => {
    const refused = await reorder(agent.token, fields.map((field) => field.id).reverse());
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('Only administrators can reorder custom fields.');
    expect(await list()).toEqual(fields);
  });

  it('refuses unknown, repeated or malformed ids with the reason, and changes nothing', async () => {
    const { body: before } = await api.call(agent.token, 'GET', '/v1/sync/pull?limit=500');
    const ids = fields.map((field) => field.id);
    for (const orderedIds of [
      [ids[3], newId(), ids[0]],
      [ids[3], ids[2], ids[3]],
    ]) {
      const refused = await reorder(tenant.admin.token, orderedIds);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { path: 'order', message: 'List each existing field at most once.' },
      ]);
    }
    const malformed = await reorder(tenant.admin.token, [ids[1], 'not-an-id']);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([
      { path: 'orderedIds.1', message: 'Must be a valid id.' },
    ]);
    expect(await list()).toEqual(fields);
    const pulled = await api.call(
      agent.token,
      'GET',
      `/v1/sync/pull?limit=500&cursor=${before.cursor}`,
    );
    expect(pulled.body.changes).toEqual([]);
  });
});
