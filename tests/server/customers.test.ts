import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/domain/ids';
import { openTestApi, type TestApi, type TestTenant, type TestUser } from './support/api';
import { testDatabases } from './support/databases';

describe.each(testDatabases)('/v1/customers on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let agent: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    api = await openTestApi(target);
    tenant = await api.createTenant();
    agent = await tenant.addUser('agent', ['view', 'create', 'edit', 'delete']);
    viewer = await tenant.addUser('agent', ['view']);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  it('R3: creates a customer with phones stored as E.164, and reads it back', async () => {
    const id = newId();
    const response = await api.call(agent.token, 'POST', '/v1/customers', {
      id,
      name: 'Ada Lovelace',
      phones: ['+1 (415) 555-0134'],
      emails: ['Ada@Example.com'],
      company: 'Analytical Engines Ltd',
      externalIds: ['C-1001'],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id,
      phones: ['+14155550134'],
      notes: '',
      version: 0,
      deletedAt: null,
    });
    expect((await api.call(viewer.token, 'GET', `/v1/customers/${id}`)).body).toEqual(
      response.body,
    );
  });

  it('R3: searches by phone in any format, by email, by name, by external id', async () => {
    await api.call(agent.token, 'POST', '/v1/customers', {
      name: 'Grace Hopper',
      phones: ['+14155550199'],
      emails: ['grace@example.com'],
      externalIds: ['C-1002'],
    });
    const names = async (query: string) =>
      (await api.call(viewer.token, 'GET', `/v1/customers?${query}`)).body.items.map(
        (customer: { name: string }) => customer.name,
      );
    expect(await names('phone=%2B1%20415-555-0199')).toEqual(['Grace Hopper']);
    expect(await names('email=GRACE@example.com')).toEqual(['Grace Hopper']);
    expect(await names('externalId=C-1002')).toEqual(['Grace Hopper']);
    expect(await names('q=hopp')).toEqual(['Grace Hopper']);
    expect(await names('q=%2B14155550199')).toEqual(['Grace Hopper']);
    expect(await names('q=%25')).toEqual([]);
    expect(await names("q=' or 1=1 --")).toEqual([]);
  });

  it('pages through customers', async () => {
    const first = await api.call(viewer.token, 'GET', '/v1/customers?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await api.call(
      viewer.token,
      'GET',
      `/v1/customers?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('edits and deletes (as a tombstone) with the edit and delete permissions', async () => {
    const created = (await api.call(agent.token, 'POST', '/v1/customers', { name: 'Alan' })).body;
    const edited = await api.call(agent.token, 'PATCH', `/v1/customers/${created.id}`, {
      name: 'Alan Turing',
      phones: ['+44 20 7183 8750'],
    });
    expect(edited.body).toMatchObject({
      name: 'Alan Turing',
      phones: ['+442071838750'],
      version: 1,
    });
    const deleted = await api.call(agent.token, 'DELETE', `/v1/customers/${created.id}`);
    expect(deleted.body.deletedAt).toEqual(expect.any(String));
    const list = await api.call(agent.token, 'GET', '/v1/customers?q=alan');
    expect(list.body.items).toEqual([]);
  });

  it('R24: refuses customer writes without the permission, with the reason', async () => {
    const created = await api.call(viewer.token, 'POST', '/v1/customers', { name: 'Nope' });
    expect(created.status).toBe(403);
    expect(created.body.detail).toBe('You are not allowed to create customers.');
    const someone = (await api.call(agent.token, 'POST', '/v1/customers', { name: 'Bob' })).body;
    const edit = await api.call(viewer.token, 'PATCH', `/v1/customers/${someone.id}`, {
      name: 'B',
    });
    expect(edit.status).toBe(403);
    const remove = await api.call(viewer.token, 'DELETE', `/v1/customers/${someone.id}`);
    expect(remove.status).toBe(403);
    expect((await api.call(agent.token, 'GET', `/v1/customers/${someone.id}`)).body).toEqual(
      someone,
    );
  });

  it('answers bad customers with field-level messages', async () => {
    const response = await api.call(agent.token, 'POST', '/v1/customers', {
      name: '   ',
      phones: ['not a phone'],
      emails: ['nope'],
      externalIds: Array.from({ length: 21 }, (_, index) => `X${index}`),
    });
    expect(response.status).toBe(400);
    const paths = response.body.errors.map((issue: { path: string }) => issue.path).sort();
    expect(paths).toEqual(['emails.0', 'externalIds', 'name']);
    const phone = await api.call(agent.token, 'POST', '/v1/customers', {
      name: 'P',
      phones: ['12'],
    });
    expect(phone.body.errors).toEqual([
      { path: 'phones.0', message: 'Not a valid phone number; include the country code.' },
    ]);
  });
});
