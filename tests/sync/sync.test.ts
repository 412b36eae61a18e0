import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discardRejected,
  pendingCount,
  rejectedMutations,
  retryRejected,
} from '../../lib/db/outbox-store';
import { historyOf } from '../../lib/db/queries/history-of';
import { loadSyncStatus } from '../../lib/db/sync-status-store';
import { saveDelete, saveNewTask, saveTaskEdit } from '../../lib/db/task-commands';
import { serverHttp } from '../../lib/sync/server-http';
import { fetchTask } from '../../lib/sync/sync-api';
import { openTestApi, type TestApi, type TestTenant, type TestUser } from '../server/support/api';
import { testDatabases } from '../server/support/databases';
import { type SyncClient, syncClient } from './support/sync-client';

const ALL = ['view', 'create', 'edit', 'delete', 'change_status'] as const;

describe.each(testDatabases)('extension sync with the server on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let ann: TestUser;
  let bo: TestUser;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    api = await openTestApi(target);
    tenant = await api.createTenant();
    ann = await tenant.addUser('agent', [...ALL], 'Ann Agent');
    bo = await tenant.addUser('agent', [...ALL], 'Bo Agent');
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await api?.dispose();
  });

  const client = async (user: TestUser, options = {}) => {
    const made = await syncClient(api, user, options);
    clients.push(made);
    return made;
  };

  const serverTask = async (id: string) => {
    const response = await api.call(tenant.admin.token, 'GET', `/v1/tasks/${id}`);
    return response.status === 200 ? response.body : null;
  };

  const serverTaskCount = async (subject: string) => {
    const response = await api.call(
      tenant.admin.token,
      'GET',
      `/v1/tasks?q=${encodeURIComponent(subject)}&limit=200`,
    );
    return response.body.items.filter((task: { subject: string }) => task.subject === subject)
      .length;
  };

  it('sends local work, gets its number back, and ends with the server’s history only', async () => {
    const a = await client(ann);
    const task = await saveNewTask(a.db, { kind: 'call', subject: 'Numbered soon' }, a.ctx());
    await saveTaskEdit(a.db, task.id, { notes: 'first note' }, a.ctx());
    expect((await a.db.tasks.get(task.id))?.number).toBeNull();

    const outcome = await a.sync();
    expect(outcome).toMatchObject({ pushed: 2, problem: null });
    expect(await a.db.outbox.count()).toBe(0);
    const local = await a.db.tasks.get(task.id);
    expect(local?.number).toEqual(expect.any(Number));
    expect(local).toMatchObject({ notes: 'first note', subject: 'Numbered soon' });
    expect((await serverTask(task.id))?.number).toBe(local?.number);
    const history = await historyOf(a.db, task.id);
    expect(history.map((entry) => entry.event.type)).toEqual(['created', 'changed']);
    const status = await loadSyncStatus(a.db);
    expect(status).toMatchObject({ running: false, problem: null });
    expect(status.lastSyncedAt).not.toBeNull();
  });

  it('two agents editing different fields both win; the same field, the later write wins and history keeps the other', async () => {
    const a = await client(ann);
    const b = await client(bo);
    const task = await saveNewTask(a.db, { kind: 'call', subject: 'Shared' }, a.ctx());
    await a.sync();
    await b.sync();
    expect(await b.db.tasks.get(task.id)).toMatchObject({ subject: 'Shared' });

    await saveTaskEdit(a.db, task.id, { subject: 'Shared by Ann' }, a.ctx());
    await saveTaskEdit(b.db, task.id, { notes: 'Bo was here' }, b.ctx());
    await a.sync();
    await b.sync();
    await a.sync();
    for (const side of [a, b]) {
      expect(await side.db.tasks.get(task.id)).toMatchObject({
        subject: 'Shared by Ann',
        notes: 'Bo was here',
      });
    }

    await saveTaskEdit(a.db, task.id, { subject: 'Ann’s subject' }, a.ctx());
    await saveTaskEdit(b.db, task.id, { subject: 'Bo’s subject' }, b.ctx());
    await a.sync();
    await b.sync();
    await a.sync();
    expect(await a.db.tasks.get(task.id)).toMatchObject({ subject: 'Bo’s subject' });
    expect(await b.db.tasks.get(task.id)).toMatchObject({ subject: 'Bo’s subject' });
    const conflicts = (await historyOf(a.db, task.id)).filter(
      (entry) => entry.event.type === 'conflict_resolved',
    );
    expect(conflicts.map((entry) => entry.event)).toEqual([
      expect.objectContaining({
        field: 'subject',
        kept: 'Bo’s subject',
        overwritten: 'Ann’s subject',
      }),
    ]);
  });

  it('keeps everything while the server is down and sends it when it is back', async () => {
    const a = await client(ann);
    a.network.set('down');
    const task = await saveNewTask(a.db, { kind: 'email', subject: 'Written offline' }, a.ctx());
    const outcome = await a.sync();
    expect(outcome.problem?.kind).toBe('offline');
    expect((await loadSyncStatus(a.db)).problem?.kind).toBe('offline');
    expect(await pendingCount(a.db)).toBe(1);
    expect(await a.db.tasks.get(task.id)).toMatchObject({ subject: 'Written offline' });

    a.network.heal();
    expect((await a.sync()).problem).toBeNull();
    expect(await pendingCount(a.db)).toBe(0);
    expect(await serverTask(task.id)).toMatchObject({ subject: 'Written offline' });
  });

  it('a server that committed but never replied does not get the change twice', async () => {
    const a = await client(ann);
    await a.sync();
    const task = await saveNewTask(a.db, { kind: 'call', subject: 'Lost reply once' }, a.ctx());
    a.network.failNext('lose-reply', 2);
    const first = await a.sync();
    expect(first.problem?.kind).toBe('offline');
    expect(await pendingCount(a.db)).toBe(1);
    expect(await serverTask(task.id)).not.toBeNull();

    expect((await a.sync()).problem).toBeNull();
    expect(await pendingCount(a.db)).toBe(0);
    expect(await serverTaskCount('Lost reply once')).toBe(1);
    expect((await historyOf(a.db, task.id)).map((entry) => entry.event.type)).toEqual(['created']);
  });

  it('duplicated deliveries apply once', async () => {
    const a = await client(ann);
    const task = await saveNewTask(a.db, { kind: 'call', subject: 'Delivered twice' }, a.ctx());
    await saveTaskEdit(a.db, task.id, { notes: 'n' }, a.ctx());
    a.network.set('duplicate');
    expect((await a.sync()).problem).toBeNull();
    a.network.heal();
    expect(await serverTaskCount('Delivered twice')).toBe(1);
    const history = await api.call(tenant.admin.token, 'GET', `/v1/tasks/${task.id}/history`);
    expect(
      history.body.items.map((entry: { event: { type: string } }) => entry.event.type),
    ).toEqual(['created', 'changed']);
  });

  it('an old push delivered again after newer changes changes nothing', async () => {
    const a = await client(ann);
    const task = await saveNewTask(a.db, { kind: 'call', subject: 'Old first' }, a.ctx());
    const [create] = await a.db.outbox.toArray();
    await a.sync();
    await saveTaskEdit(a.db, task.id, { subject: 'New later' }, a.ctx());
    await a.sync();
    // The first push arrives again, late (a retry that was stuck in a proxy).
    const late = await api.call(ann.token, 'POST', '/v1/sync/push', {
      mutations: [{ id: create?.id, name: create?.name, args: create?.args }],
    });
    expect(late.body.results[0]).toMatchObject({ status: 'applied', duplicate: true });
    await a.sync();
    expect(await serverTask(task.id)).toMatchObject({ subject: 'New later' });
    expect(await a.db.tasks.get(task.id)).toMatchObject({ subject: 'New later' });
  });

  it('a push that arrives late, behind the retry and a newer edit of the same field, changes nothing', async () => {
    const a = await client(ann);
    const task = await saveNewTask(a.db, { kind: 'call', subject: 'Late' }, a.ctx());
    await a.sync();
    await saveTaskEdit(a.db, task.id, { subject: 'First rename' }, a.ctx());
    // The push is held up in the network; the client gives up on it and retries.
    a.network.failNext('late', 1, 100);
    expect((await a.sync()).problem).toBeNull();
    await saveTaskEdit(a.db, task.id, { subject: 'Second rename' }, a.ctx());
    await a.sync();
    await a.network.flushLate();
    const arrivals = a.network.delivered.filter((path) => path.includes('/sync/push'));
    // The held-up push reached the server last, after the retry and the second rename's push.
    expect(arrivals.at(-1)).toBe('/v1/sync/push (late)');
    expect(arrivals.filter((path) => path === '/v1/sync/push').length).toBeGreaterThanOrEqual(2);
    expect(await serverTask(task.id)).toMatchObject({ subject: 'Second rename' });
    expect((await a.sync()).problem).toBeNull();
    expect(await a.db.tasks.get(task.id)).toMatchObject({ subject: 'Second rename' });
    const history = await api.call(tenant.admin.token, 'GET', `/v1/tasks/${task.id}/history`);
    const renames = history.body.items.filter(
      (entry: { event: { type: string } }) => entry.event.type === 'changed',
    );
    expect(renames).toHaveLength(2);
  });

  it('a pull never hides a change still waiting to be sent', async () => {
    const a = await client(ann);
    const b = await client(bo);
    const task = await saveNewTask(a.db, { kind: 'call', subject: 'Rebase me' }, a.ctx());
    await a.sync();
    await b.sync();
    await saveTaskEdit(b.db, task.id, { subject: 'Bo renamed it' }, b.ctx());
    await b.sync();
    // Ann's edit cannot be sent (push fails) but the pull after it brings Bo's rename.
    await saveTaskEdit(a.db, task.id, { notes: 'Ann’s note, unsent' }, a.ctx());
    a.network.failNext('down', 2);
    await a.sync();
    expect(await a.db.tasks.get(task.id)).toMatchObject({ notes: 'Ann’s note, unsent' });
    expect(await a.sync()).toMatchObject({ problem: null });
    expect(await a.db.tasks.get(task.id)).toMatchObject({
      subject: 'Bo renamed it',
      notes: 'Ann’s note, unsent',
    });
  });

  it('a refused change is kept with the reason until the agent retries or discards it', async () => {
    const a = await client(ann);
    const b = await client(bo);
    const task = await saveNewTask(a.db, { kind: 'call', subject: 'Refused later' }, a.ctx());
    await a.sync();
    await b.sync();
    await saveDelete(b.db, task.id, b.ctx());
    await b.sync();
    await saveTaskEdit(a.db, task.id, { notes: 'edit of a deleted task' }, a.ctx());
    a.network.failNext('down', 2);
    await a.sync();
    expect((await a.sync()).problem).toBeNull();

    const [refused] = await rejectedMutations(a.db);
    expect(refused).toMatchObject({ name: 'task.edit', state: 'rejected' });
    expect(refused?.rejection?.reason).toMatch(/deleted/i);
    expect(await pendingCount(a.db)).toBe(0);

    await retryRejected(a.db, refused?.id as string);
    await a.sync();
    const [again] = await rejectedMutations(a.db);
    expect(again?.id).not.toBe(refused?.id);

    const http = serverHttp({
      serverUrl: 'http://wrapup.test',
      token: ann.token,
      fetch: async (input, init) => api.app.fetch(new Request(input, init)),
    });
    await discardRejected(
      a.db,
      again?.id as string,
      { entity: 'task', record: await fetchTask(http, task.id) },
      a.ctx(),
    );
    expect(await a.db.outbox.count()).toBe(0);
    expect((await a.db.tasks.get(task.id))?.deletedAt).not.toBeNull();
    expect((await a.db.tasks.get(task.id))?.notes).toBe('');
  });

  it('a revoked session stops sync without losing the outbox', async () => {
    const a = await client(ann);
    await saveNewTask(a.db, { kind: 'call', subject: 'Kept for later' }, a.ctx());
    a.network.set('unauthorized');
    expect((await a.sync()).problem?.kind).toBe('unauthorized');
    expect(await pendingCount(a.db)).toBe(1);
    a.network.heal();
    expect((await a.sync()).problem).toBeNull();
    expect(await pendingCount(a.db)).toBe(0);
  });

  it('a day offline with 1,000 changes goes through in order, in batches', async () => {
    const a = await client(ann);
    a.network.set('down');
    const ids: string[] = [];
    for (let i = 0; i < 250; i += 1) {
      const task = await saveNewTask(a.db, { kind: 'call', subject: `Offline ${i}` }, a.ctx());
      ids.push(task.id);
      await saveTaskEdit(a.db, task.id, { notes: `n${i}` }, a.ctx());
      await saveTaskEdit(a.db, task.id, { notes: `n${i}!` }, a.ctx());
      await saveTaskEdit(a.db, task.id, { status: 'completed' }, a.ctx());
    }
    expect(await pendingCount(a.db)).toBe(1000);
    await a.sync();
    a.network.heal();
    const outcome = await a.sync();
    expect(outcome).toMatchObject({ pushed: 1000, problem: null });
    const pushes = a.network.delivered.filter((path) => path === '/v1/sync/push');
    expect(pushes).toHaveLength(10);
    for (const id of [ids[0], ids[124], ids[249]]) {
      expect(await serverTask(id as string)).toMatchObject({ status: 'completed' });
      expect((await serverTask(id as string))?.notes).toMatch(/!$/);
    }
  });
});
