import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/domain/ids';
import { openTestApi, type TestApi, type TestTenant, type TestUser } from './support/api';
import { testDatabases } from './support/databases';

describe.each(testDatabases)('/v1/tasks on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let agent: TestUser;
  let viewer: TestUser;
  let creator: TestUser;

  beforeAll(async () => {
    api = await openTestApi(target);
    tenant = await api.createTenant();
    agent = await tenant.addUser('agent', ['view', 'create', 'edit', 'delete', 'change_status']);
    viewer = await tenant.addUser('agent', ['view']);
    creator = await tenant.addUser('agent', ['view', 'create']);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  const create = async (who: TestUser, body: Record<string, unknown> = {}) => {
    const response = await api.call(who.token, 'POST', '/v1/tasks', {
      kind: 'call',
      subject: 'Call back about the invoice',
      ...body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };

  it('R9, R10: creates an independent task with the next number, assigned to its creator', async () => {
    const id = newId();
    const task = await create(agent, { id, kind: 'email', notes: 'Ünïcödé ✓ 日本語' });
    expect(task).toMatchObject({
      id,
      kind: 'email',
      origin: 'manual',
      status: 'open',
      customerId: null,
      assigneeId: agent.id,
      createdBy: agent.id,
      notes: 'Ünïcödé ✓ 日本語',
      version: 0,
    });
    expect(task.number).toEqual(expect.any(Number));
    const next = await create(agent);
    expect(next.number).toBe(task.number + 1);
    const read = await api.call(viewer.token, 'GET', `/v1/tasks/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(task);
  });

  it('R10: a task of a customer keeps the link; a customer id of nowhere is refused', async () => {
    const customer = await api.call(agent.token, 'POST', '/v1/customers', { name: 'Ada Lovelace' });
    const task = await create(agent, { customerId: customer.body.id });
    expect(task.customerId).toBe(customer.body.id);
    const nowhere = await api.call(agent.token, 'POST', '/v1/tasks', {
      kind: 'call',
      subject: 'x',
      customerId: newId(),
    });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors).toEqual([{ path: 'customerId', message: 'No such customer.' }]);
  });

  it('answers bad drafts with 400 and one message per field, and stores nothing', async () => {
    const before = await api.call(agent.token, 'GET', '/v1/tasks?limit=200');
    const response = await api.call(agent.token, 'POST', '/v1/tasks', {
      kind: 'fax',
      subject: 'x'.repeat(201),
      notes: 42,
      origin: 'clone',
      sneaky: true,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const paths = response.body.errors.map((issue: { path: string }) => issue.path).sort();
    expect(paths).toEqual(['', 'kind', 'notes', 'origin', 'subject']);
    expect(response.body.errors).toContainEqual({
      path: 'subject',
      message: 'At most 200 characters.',
    });
    const after = await api.call(agent.token, 'GET', '/v1/tasks?limit=200');
    expect(after.body.items).toEqual(before.body.items);
  });

  it('R24: refuses creating without the create permission, with the reason', async () => {
    const response = await api.call(viewer.token, 'POST', '/v1/tasks', {
      kind: 'call',
      subject: 'x',
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      title: 'Forbidden',
      detail: 'You are not allowed to create tasks.',
    });
  });

  it('R21, R25: edits field by field, with who, when and from/to in the history', async () => {
    const task = await create(agent);
    const response = await api.call(agent.token, 'PATCH', `/v1/tasks/${task.id}`, {
      subject: 'New subject',
      status: 'in_progress',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      subject: 'New subject',
      status: 'in_progress',
      version: 1,
    });
    const history = await api.call(viewer.token, 'GET', `/v1/tasks/${task.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((entry: { event: unknown }) => entry.event)).toEqual([
      { type: 'created', values: expect.objectContaining({ subject: task.subject }) },
      { type: 'changed', field: 'subject', from: task.subject, to: 'New subject' },
      { type: 'changed', field: 'status', from: 'open', to: 'in_progress' },
    ]);
    expect(history.body.items[1]).toMatchObject({ by: agent.id, taskId: task.id });
  });

  it('R24: refuses edits without edit, status changes without change_status', async () => {
    const task = await create(agent);
    const edit = await api.call(creator.token, 'PATCH', `/v1/tasks/${task.id}`, {
      subject: 'Mine now',
    });
    expect(edit.status).toBe(403);
    expect(edit.body.detail).toBe('You are not allowed to edit tasks.');
    const editor = await tenant.addUser('agent', ['view', 'edit']);
    const status = await api.call(editor.token, 'PATCH', `/v1/tasks/${task.id}`, {
      status: 'completed',
    });
    expect(status.status).toBe(403);
    expect(status.body.detail).toBe('You are not allowed to change the status of tasks.');
    const unchanged = await api.call(agent.token, 'GET', `/v1/tasks/${task.id}`);
    expect(unchanged.body).toEqual(task);
  });

  it('R11: scheduling a call sets its reminder from the default lead time', async () => {
    const task = await create(agent);
    const response = await api.call(agent.token, 'PATCH', `/v1/tasks/${task.id}`, {
      scheduledAt: '2030-01-02T10:00:00Z',
    });
    expect(response.body).toMatchObject({
      scheduledAt: '2030-01-02T10:00:00.000Z',
      remindAt: '2030-01-02T09:55:00.000Z',
    });
  });

  it('R12–R16: a clone gets a new id and number, the same transaction id, and one parent level', async () => {
    const parent = await create(agent, { transactionId: 'TX-1' });
    const clone = await api.call(agent.token, 'POST', `/v1/tasks/${parent.id}/clone`);
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject({
      transactionId: 'TX-1',
      subject: parent.subject,
      origin: 'clone',
      parentId: parent.id,
      parentNumber: parent.number,
    });
    expect(clone.body.id).not.toBe(parent.id);
    expect(clone.body.number).toBeGreaterThan(parent.number);
    const grandchild = await api.call(agent.token, 'POST', `/v1/tasks/${clone.body.id}/clone`, {
      id: newId(),
    });
    expect(grandchild.body.parentId).toBe(parent.id);
    const history = await api.call(agent.token, 'GET', `/v1/tasks/${parent.id}/history`);
    const clonedTo = history.body.items
      .filter((entry: { event: { type: string } }) => entry.event.type === 'cloned_to')
      .map((entry: { event: { childId: string } }) => entry.event.childId);
    expect(clonedTo).toEqual([clone.body.id, grandchild.body.id]);
  });

  it('R19: cloning needs both create and edit', async () => {
    const parent = await create(agent);
    const response = await api.call(creator.token, 'POST', `/v1/tasks/${parent.id}/clone`);
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe('You are not allowed to edit tasks.');
  });

  it('R17, R18: deleting a parent needs confirmation; its clones then keep its number, not the link', async () => {
    const parent = await create(agent);
    const clone = (await api.call(agent.token, 'POST', `/v1/tasks/${parent.id}/clone`)).body;
    const unconfirmed = await api.call(agent.token, 'DELETE', `/v1/tasks/${parent.id}`);
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body).toMatchObject({ confirmationRequired: true, cloneCount: 1 });
    expect(
      (await api.call(agent.token, 'GET', `/v1/tasks/${parent.id}`)).body.deletedAt,
    ).toBeNull();

    const confirmed = await api.call(
      agent.token,
      'DELETE',
      `/v1/tasks/${parent.id}?confirmed=true`,
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.deletedAt).toEqual(expect.any(String));
    const orphan = await api.call(agent.token, 'GET', `/v1/tasks/${clone.id}`);
    expect(orphan.body).toMatchObject({ parentId: null, parentNumber: parent.number });
    const history = await api.call(agent.token, 'GET', `/v1/tasks/${clone.id}/history`);
    expect(history.body.items.at(-1).event).toEqual({
      type: 'parent_deleted',
      parentId: parent.id,
      parentNumber: parent.number,
    });
    const again = await api.call(agent.token, 'PATCH', `/v1/tasks/${parent.id}`, { subject: 'x' });
    expect(again.status).toBe(409);
  });

  it('R24: refuses deleting without the delete permission', async () => {
    const task = await create(agent);
    const response = await api.call(creator.token, 'DELETE', `/v1/tasks/${task.id}`);
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe('You are not allowed to delete tasks.');
  });

  it('R22, R23: lists with filters, search and paging, newest number first', async () => {
    const other = await tenant.addUser('agent', ['view', 'create', 'edit']);
    const customer = (await api.call(other.token, 'POST', '/v1/customers', { name: 'Grace' })).body;
    const made = [];
    for (let index = 0; index < 5; index++) {
      made.push(
        await create(other, {
          subject: `Follow-up zebra ${index}`,
          kind: index % 2 === 0 ? 'meeting' : 'chat',
          customerId: index < 3 ? customer.id : null,
        }),
      );
    }
    const mine = await api.call(other.token, 'GET', '/v1/tasks?assigneeId=me');
    expect(mine.body.items.map((task: { id: string }) => task.id)).toEqual(
      made.map((task) => task.id).reverse(),
    );
    const ofCustomer = await api.call(other.token, 'GET', `/v1/tasks?customerId=${customer.id}`);
    expect(ofCustomer.body.items).toHaveLength(3);
    const meetings = await api.call(
      other.token,
      'GET',
      `/v1/tasks?assigneeId=${other.id}&kind=meeting`,
    );
    expect(meetings.body.items).toHaveLength(3);
    const searched = await api.call(other.token, 'GET', '/v1/tasks?q=zeb%20follow');
    expect(searched.body.items).toHaveLength(5);

    const first = await api.call(other.token, 'GET', '/v1/tasks?assigneeId=me&limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await api.call(
      other.token,
      'GET',
      `/v1/tasks?assigneeId=me&limit=2&cursor=${first.body.nextCursor}`,
    );
    const third = await api.call(
      other.token,
      'GET',
      `/v1/tasks?assigneeId=me&limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.nextCursor).toBeNull();
    expect(
      [...first.body.items, ...second.body.items, ...third.body.items].map((t) => t.id),
    ).toEqual(made.map((task) => task.id).reverse());
    const bad = await api.call(other.token, 'GET', '/v1/tasks?limit=0&status=lost&cursor=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'cursor',
      'limit',
      'status.0',
    ]);
  });

  it('R24: without the view permission, tasks, customers and sync stay closed', async () => {
    const blind = await tenant.addUser('agent', []);
    const task = await create(agent);
    for (const path of [
      '/v1/tasks',
      `/v1/tasks/${task.id}`,
      `/v1/tasks/${task.id}/history`,
      '/v1/customers',
      '/v1/sync/pull',
      '/v1/sync/events',
    ]) {
      const response = await api.call(blind.token, 'GET', path);
      expect(response.status, path).toBe(403);
      expect(response.body.detail).toBe('You are not allowed to view tasks.');
    }
  });

  it('answers 404 for an id that is not there or not an id at all', async () => {
    for (const path of [
      `/v1/tasks/${newId()}`,
      '/v1/tasks/1%27%20or%201=1',
      `/v1/tasks/${newId()}/history`,
    ]) {
      const response = await api.call(agent.token, 'GET', path);
      expect(response.status).toBe(404);
      expect(response.body.title).toBe('Not Found');
    }
  });
});
