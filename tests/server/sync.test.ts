import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTask as domainCreateTask } from '../../lib/domain/create-task';
import { newId } from '../../lib/domain/ids';
import { storeOperation } from '../../server/store/tasks';
import { inWriteTransaction } from '../../server/store/write-transaction';
import { openTestApi, type TestApi, type TestTenant, type TestUser } from './support/api';
import { testDatabases } from './support/databases';

type Mutation = { id: string; name: string; args: Record<string, unknown> };

const mutation = (name: string, args: Record<string, unknown>): Mutation => ({
  id: newId(),
  name,
  args,
});
const createTask = (subject: string, extra: Record<string, unknown> = {}) =>
  mutation('task.create', { id: newId(), kind: 'call', subject, ...extra });

describe.each(testDatabases)('sync on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;
  let agent: TestUser;
  let colleague: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    api = await openTestApi(target);
    tenant = await api.createTenant();
    agent = await tenant.addUser('agent', ['view', 'create', 'edit', 'delete', 'change_status']);
    colleague = await tenant.addUser('agent', ['view', 'create', 'edit', 'change_status']);
    viewer = await tenant.addUser('agent', ['view']);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  const push = (user: TestUser, mutations: Mutation[]) =>
    api.call(user.token, 'POST', '/v1/sync/push', { mutations });

  /** Every change after `cursor`, page by page. */
  const pullAll = async (user: TestUser, cursor?: string, query = '') => {
    const changes = [];
    let next = cursor;
    for (;;) {
      const response = await api.call(
        user.token,
        'GET',
        `/v1/sync/pull?limit=7${next ? `&cursor=${next}` : ''}${query}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      changes.push(...response.body.changes);
      next = response.body.cursor;
      if (!response.body.hasMore) return { changes, cursor: next as string };
    }
  };

  const counts = async () => {
    const db = api.database.db;
    const count = async (table: 'tasks' | 'task_history' | 'changes' | 'processed_mutations') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select(db.fn.countAll().as('n'))
            .where('tenant_id', '=', tenant.tenantId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      tasks: await count('tasks'),
      history: await count('task_history'),
      changes: await count('changes'),
      processed: await count('processed_mutations'),
    };
  };

  it('applies a batch in order and pull hands out the results', async () => {
    const { cursor } = await pullAll(agent);
    const create = createTask('Pushed task');
    const taskId = create.args.id as string;
    const response = await push(agent, [
      create,
      mutation('task.edit', { taskId, changes: { notes: 'Edited after creating' } }),
      mutation('task.setStatus', { taskId, status: 'in_progress' }),
    ]);
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      {
        id: expect.any(String),
        status: 'applied',
        task: { id: taskId, number: expect.any(Number), version: 0 },
      },
      {
        id: expect.any(String),
        status: 'applied',
        task: { id: taskId, number: expect.any(Number), version: 1 },
      },
      {
        id: expect.any(String),
        status: 'applied',
        task: { id: taskId, number: expect.any(Number), version: 2 },
      },
    ]);
    const pulled = await pullAll(viewer, cursor);
    const tasks = pulled.changes.filter((change) => change.entity === 'task');
    expect(tasks).toHaveLength(1);
    expect(tasks[0].data).toMatchObject({
      id: taskId,
      notes: 'Edited after creating',
      status: 'in_progress',
      version: 2,
    });
    const history = pulled.changes.filter((change) => change.entity === 'history');
    expect(history.map((change) => change.data.event.type)).toEqual([
      'created',
      'changed',
      'changed',
    ]);
  });

  it('R1: the number of a call the softphone did not show is filled in once, with its history', async () => {
    const call = {
      number: null,
      callerName: null,
      direction: 'inbound',
      queue: null,
      campaign: null,
      startedAt: '2026-11-29T09:00:00.000Z',
      connectedAt: '2026-11-29T09:00:05.000Z',
      endedAt: '2026-11-29T09:03:00.000Z',
      durationSeconds: 175,
    };
    const create = createTask('Call', { origin: 'system', call });
    const taskId = create.args.id as string;
    const { cursor } = await pullAll(agent);
    const fill = mutation('task.edit', { taskId, changes: { callNumber: '+14155550134' } });
    const again = mutation('task.edit', { taskId, changes: { callNumber: '+14155550999' } });
    const response = await push(agent, [create, fill, again]);
    expect(response.body.results.map((result: { status: string }) => result.status)).toEqual([
      'applied',
      'applied',
      'rejected',
    ]);
    const pulled = await pullAll(viewer, cursor);
    const task = pulled.changes.find((change) => change.entity === 'task');
    expect(task?.data.call).toEqual({ ...call, number: '+14155550134' });
    const history = pulled.changes.filter((change) => change.entity === 'history');
    expect(history.map((change) => change.data.event.field ?? change.data.event.type)).toEqual([
      'created',
      'call',
    ]);
  });

  it('applies each mutation at most once: a replayed push changes nothing', async () => {
    const batch = [createTask('Once'), createTask('Only once')];
    const first = await push(agent, batch);
    const before = await counts();
    const again = await push(agent, batch);
    expect(again.status).toBe(200);
    expect(again.body.results).toEqual(
      first.body.results.map((result: object) => ({ ...result, duplicate: true })),
    );
    expect(await counts()).toEqual(before);
  });

  it('records a rejected mutation as processed, undoes only it, and never applies it later', async () => {
    const before = await counts();
    const denied = createTask('Not allowed');
    const response = await push(viewer, [denied]);
    expect(response.body.results).toEqual([
      {
        id: denied.id,
        status: 'rejected',
        code: 'forbidden',
        reason: 'You are not allowed to create tasks.',
      },
    ]);
    expect(await counts()).toEqual({ ...before, processed: before.processed + 1 });
    // Granting the permission later does not resurrect it.
    await api.call(tenant.admin.token, 'PATCH', `/v1/users/${viewer.id}`, {
      permissions: ['view', 'create'],
    });
    const replay = await push(viewer, [denied]);
    expect(replay.body.results[0]).toMatchObject({ status: 'rejected', duplicate: true });
    await api.call(tenant.admin.token, 'PATCH', `/v1/users/${viewer.id}`, {
      permissions: ['view'],
    });

    const a = createTask('Before');
    const b = createTask('After');
    const middle = await push(agent, [
      a,
      mutation('task.edit', { taskId: newId(), changes: { subject: 'x' } }),
      mutation('task.create', { id: newId(), kind: 'fax', subject: '' }),
      mutation('task.explode', {}),
      b,
    ]);
    const results = middle.body.results;
    expect(results.map((result: { status: string }) => result.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(results[1]).toMatchObject({ code: 'not_found', reason: 'The task was not found.' });
    expect(results[2]).toMatchObject({ code: 'validation' });
    expect(results[2].errors.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'kind',
      'subject',
    ]);
    expect(results[3]).toMatchObject({ code: 'unknown_mutation' });
    expect(results[4].task.number).toBe(results[0].task.number + 1);
  });

  it('rejects a mutation that fails unexpectedly as internal, and applies the others once', async () => {
    // A database failure for one task only, as a broken row or a bug would cause.
    await sql`
      create function refuse_poison() returns trigger language plpgsql as $$
      begin
        if new.data->>'subject' = 'Poison' then raise exception 'simulated failure'; end if;
        return new;
      end $$`.execute(api.database.db);
    await sql`create trigger refuse_poison before insert on tasks for each row
              execute function refuse_poison()`.execute(api.database.db);
    try {
      const [before, poison, after] = [
        createTask('Before poison'),
        createTask('Poison'),
        createTask('After poison'),
      ];
      const response = await push(agent, [before, poison, after] as Mutation[]);
      expect(response.status).toBe(200);
      expect(
        response.body.results.map(
          (result: { status: string; code?: string }) => result.code ?? result.status,
        ),
      ).toEqual(['applied', 'internal', 'applied']);
      expect(JSON.stringify(response.body)).not.toMatch(/simulated|trigger|select|insert/i);
      const subjects = (
        await api.call(agent.token, 'GET', '/v1/tasks?q=poison&limit=10')
      ).body.items.map((task: { subject: string }) => task.subject);
      expect(subjects.sort()).toEqual(['After poison', 'Before poison']);
      const replay = await push(agent, [before, poison, after] as Mutation[]);
      expect(replay.body.results.every((result: { duplicate?: boolean }) => result.duplicate)).toBe(
        true,
      );
    } finally {
      await sql`drop trigger refuse_poison on tasks`.execute(api.database.db);
      await sql`drop function refuse_poison()`.execute(api.database.db);
    }
  });

  it('refuses a malformed push as a whole with 400, processing nothing', async () => {
    const before = await counts();
    for (const body of [
      { mutations: [] },
      { mutations: [{ name: 'task.create', args: {} }] },
      { mutations: Array.from({ length: 101 }, () => createTask('Too many')) },
      { mutations: [createTask('x')], extra: 1 },
      'not json',
    ]) {
      const response = await api.call(agent.token, 'POST', '/v1/sync/push', body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(await counts()).toEqual(before);
  });

  it('merges field by field: different fields both win; the same field keeps the overwritten value', async () => {
    const create = createTask('Shared', { notes: 'first notes' });
    const taskId = create.args.id as string;
    await push(agent, [create]);
    await push(agent, [
      mutation('task.edit', {
        taskId,
        changes: { subject: 'Agent subject' },
        base: { subject: 'Shared' },
      }),
    ]);
    await push(colleague, [
      mutation('task.edit', {
        taskId,
        changes: { notes: 'colleague notes' },
        base: { notes: 'first notes' },
      }),
    ]);
    const both = await api.call(agent.token, 'GET', `/v1/tasks/${taskId}`);
    expect(both.body).toMatchObject({ subject: 'Agent subject', notes: 'colleague notes' });

    // Both saw "Agent subject"; the colleague's edit reaches the server last and wins.
    await push(agent, [
      mutation('task.edit', {
        taskId,
        changes: { subject: 'Agent again' },
        base: { subject: 'Agent subject' },
      }),
    ]);
    await push(colleague, [
      mutation('task.edit', {
        taskId,
        changes: { subject: 'Colleague wins' },
        base: { subject: 'Agent subject' },
      }),
    ]);
    const final = await api.call(agent.token, 'GET', `/v1/tasks/${taskId}`);
    expect(final.body.subject).toBe('Colleague wins');
    const history = await api.call(agent.token, 'GET', `/v1/tasks/${taskId}/history`);
    const events = history.body.items.map((entry: { event: unknown }) => entry.event);
    expect(events).toContainEqual({
      type: 'conflict_resolved',
      field: 'subject',
      kept: 'Colleague wins',
      overwritten: 'Agent again',
    });
    expect(events).toContainEqual({
      type: 'changed',
      field: 'subject',
      from: 'Agent again',
      to: 'Colleague wins',
    });
  });

  it('R17, R18: a delete with clones asks for confirmation, then deletes', async () => {
    const parent = createTask('Parent');
    const parentId = parent.args.id as string;
    const cloneId = newId();
    await push(agent, [parent, mutation('task.clone', { sourceId: parentId, cloneId })]);
    const unconfirmed = await push(agent, [mutation('task.delete', { taskId: parentId })]);
    expect(unconfirmed.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'confirmation_required',
      cloneCount: 1,
    });
    const confirmed = await push(agent, [
      mutation('task.delete', { taskId: parentId, confirmed: true }),
    ]);
    expect(confirmed.body.results[0].status).toBe('applied');
    const clone = await api.call(agent.token, 'GET', `/v1/tasks/${cloneId}`);
    expect(clone.body.parentId).toBeNull();
  });

  it('customers, reminders, assignment and scheduling sync too', async () => {
    const customerId = newId();
    const create = createTask('With customer', { customerId });
    const taskId = create.args.id as string;
    const response = await push(agent, [
      mutation('customer.create', { id: customerId, name: 'Ada', phones: ['+1 415 555 0134'] }),
      create,
      mutation('task.assign', { taskId, assigneeId: colleague.id }),
      mutation('task.schedule', {
        taskId,
        scheduledAt: '2030-05-01T09:00:00Z',
        reminderLeadMinutes: 10,
      }),
      mutation('task.reminder', { taskId, event: { type: 'reminder_fired' } }),
      mutation('customer.edit', { customerId, changes: { company: 'Engines' } }),
    ]);
    expect(
      response.body.results.every((result: { status: string }) => result.status === 'applied'),
    ).toBe(true);
    const task = await api.call(agent.token, 'GET', `/v1/tasks/${taskId}`);
    expect(task.body).toMatchObject({
      customerId,
      assigneeId: colleague.id,
      remindAt: '2030-05-01T08:50:00.000Z',
    });
    const customer = await api.call(agent.token, 'GET', `/v1/customers/${customerId}`);
    expect(customer.body).toMatchObject({ phones: ['+14155550134'], company: 'Engines' });
  });

  it('pages through every change once, each record at its latest state', async () => {
    const everything = await pullAll(viewer);
    const keys = everything.changes.map((change) => `${change.entity}:${change.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const entities = new Set(everything.changes.map((change) => change.entity));
    expect([...entities].sort()).toEqual([
      'customer',
      'history',
      'settings',
      'task',
      'transactionCode',
      'user',
    ]);
    const tasks = await api.call(viewer.token, 'GET', '/v1/tasks?limit=200&includeDeleted=true');
    const pulledTasks = everything.changes.filter((change) => change.entity === 'task');
    expect(pulledTasks.map((change) => change.data).sort((a, b) => a.number - b.number)).toEqual(
      [...tasks.body.items].sort((a, b) => a.number - b.number),
    );
    const nothing = await api.call(
      viewer.token,
      'GET',
      `/v1/sync/pull?cursor=${everything.cursor}`,
    );
    expect(nothing.body).toEqual({ changes: [], cursor: everything.cursor, hasMore: false });
    const bad = await api.call(viewer.token, 'GET', "/v1/sync/pull?cursor=1'--&limit=0");
    expect(bad.status).toBe(400);
  });

  it('scopes pull to the working set: own tasks, opened customers, recent tasks', async () => {
    const { cursor } = await pullAll(colleague);
    await api.call(tenant.admin.token, 'PATCH', '/v1/settings', { workingSetDays: 1 });
    const customerId = newId();
    const mine = createTask('For the colleague', { assigneeId: colleague.id });
    const ofCustomer = createTask('Of an opened customer', { customerId, assigneeId: agent.id });
    const elsewhere = createTask('Someone else', { assigneeId: agent.id });
    await push(agent, [
      mutation('customer.create', { id: customerId, name: 'Opened' }),
      mine,
      ofCustomer,
      elsewhere,
    ]);
    // Make the unrelated task old, as if changed long ago.
    await api.database.db
      .updateTable('changes')
      .set({ touched_at: '2000-01-01T00:00:00Z' })
      .where('tenant_id', '=', tenant.tenantId)
      .where('entity', 'in', ['task', 'history'])
      .execute();
    const scoped = await pullAll(colleague, cursor, `&scope=working-set&customers=${customerId}`);
    const taskIds = scoped.changes
      .filter((change) => change.entity === 'task')
      .map((change) => change.id)
      .sort();
    expect(taskIds).toEqual([mine.args.id, ofCustomer.args.id].sort());
    expect(scoped.changes.some((change) => change.entity === 'customer')).toBe(true);
    expect(scoped.changes.some((change) => change.entity === 'settings')).toBe(true);
  });

  it('scopes pull to single tasks the agent opened too: their changes and their history', async () => {
    const opened = createTask('Opened from a server search', { assigneeId: agent.id });
    const other = createTask('Not opened', { assigneeId: agent.id });
    await push(agent, [opened, other]);
    const { cursor } = await pullAll(colleague);
    await push(agent, [
      mutation('task.edit', { taskId: opened.args.id, changes: { notes: 'Called back' } }),
      mutation('task.edit', { taskId: other.args.id, changes: { notes: 'Also called' } }),
    ]);
    await api.database.db
      .updateTable('changes')
      .set({ touched_at: '2000-01-01T00:00:00Z' })
      .where('tenant_id', '=', tenant.tenantId)
      .where('entity', 'in', ['task', 'history'])
      .execute();

    const scoped = await pullAll(colleague, cursor, `&scope=working-set&tasks=${opened.args.id}`);
    const tasks = scoped.changes.filter((change) => change.entity === 'task');
    expect(tasks.map((change) => change.id)).toEqual([opened.args.id]);
    expect(tasks[0]?.data.notes).toBe('Called back');
    const history = scoped.changes.filter((change) => change.entity === 'history');
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((change) => change.data.taskId === opened.args.id)).toBe(true);

    const without = await pullAll(colleague, cursor, '&scope=working-set');
    expect(without.changes.filter((change) => ['task', 'history'].includes(change.entity))).toEqual(
      [],
    );
    const tooMany = Array.from({ length: 101 }, () => newId()).join(',');
    const refused = await api.call(
      colleague.token,
      'GET',
      `/v1/sync/pull?scope=working-set&tasks=${tooMany}`,
    );
    expect(refused.status).toBe(400);
    const notIds = await api.call(colleague.token, 'GET', '/v1/sync/pull?tasks=1%27--');
    expect(notIds.status).toBe(400);
  });

  it('never skips a change committed by concurrent writers', async () => {
    const { cursor: start } = await pullAll(viewer);
    const seen = new Set<string>();
    let cursor = start;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const page = await pullAll(viewer, cursor);
        for (const change of page.changes) if (change.entity === 'task') seen.add(change.id);
        cursor = page.cursor;
      }
    })();
    const created: string[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let round = 0; round < 5; round++) {
          const batch = [createTask('Concurrent'), createTask('Concurrent')];
          created.push(...batch.map((m) => m.args.id as string));
          const response = await push(agent, batch);
          expect(response.status).toBe(200);
        }
      }),
    );
    writing = false;
    await reader;
    const last = await pullAll(viewer, cursor);
    for (const change of last.changes) if (change.entity === 'task') seen.add(change.id);
    for (const id of created) expect(seen.has(id), id).toBe(true);
  });

  it('hands out no cursor past a revision whose transaction is still open', async () => {
    const { cursor: start } = await pullAll(viewer);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slowId = newId();
    const slow = inWriteTransaction(api.database.db, tenant.tenantId, async (writer) => {
      const result = domainCreateTask(
        { id: slowId, kind: 'call', subject: 'Slow writer' },
        { actorId: agent.id, now: new Date().toISOString(), newId },
      );
      await storeOperation(writer, result);
      started();
      await held;
    });
    await inside;
    // A second writer waits for the first (it needs the next revision), so its push is pending.
    const fast = createTask('Fast writer');
    const fastPush = push(agent, [fast]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // PostgreSQL answers this pull from a snapshot while both writers are open; PGlite, one
    // session, answers it once they committed. Either way it never shows the later write alone.
    const during = pullAll(viewer, start);
    await Promise.race([during, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    release();
    await slow;
    await fastPush;
    const first = await during;
    const seenFirst = first.changes.filter((change) => change.entity === 'task').map((c) => c.id);
    expect([[], [slowId, fast.args.id]]).toContainEqual(seenFirst);
    const after = await pullAll(viewer, first.cursor);
    const seenAfter = after.changes.filter((change) => change.entity === 'task').map((c) => c.id);
    expect([...seenFirst, ...seenAfter]).toEqual([slowId, fast.args.id]);
    if (target.kind === 'postgres') expect(seenFirst).toEqual([]);
  });

  it('long polling answers as soon as a change arrives', async () => {
    const { cursor } = await pullAll(viewer);
    const started = Date.now();
    const waiting = api.call(viewer.token, 'GET', `/v1/sync/pull?cursor=${cursor}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await push(agent, [createTask('Wake up')]);
    const response = await waiting;
    expect(
      response.body.changes.some((change: { entity: string }) => change.entity === 'task'),
    ).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
