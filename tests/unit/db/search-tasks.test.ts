import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { searchTasks } from '../../../lib/db/queries/search-tasks';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import { writeOperation } from '../../../lib/db/write-operation';
import type { Task } from '../../../lib/domain/task';
import { AGENT, freshDb, ids, makeCustomer, makeTask, OTHER_AGENT } from './fixtures';

let db: WrapupDb;

async function store(tasks: Task[]) {
  await writeOperation(db, { tasks, history: [] });
  await catchUpSearchIndex(db);
}

async function found(
  query: string,
  ...rest: Parameters<typeof searchTasks> extends [unknown, unknown, ...infer R] ? R : never
) {
  return ids((await searchTasks(db, query, ...rest)).tasks);
}

beforeEach(async () => {
  db = await freshDb();
});

describe('searchTasks', () => {
  it('R21: finds tasks by the start of any word of subject and notes, newest change first', async () => {
    const refund = makeTask(1, {
      subject: 'Refund requested',
      updatedAt: '2026-02-01T10:00:00.000Z',
    });
    const card = makeTask(2, {
      notes: 'Card refunded twice',
      updatedAt: '2026-02-02T10:00:00.000Z',
    });
    const other = makeTask(3, { subject: 'Delivery late' });
    await store([refund, card, other]);

    expect(await found('refund')).toEqual([card.id, refund.id]);
    expect(await found('REF')).toEqual([card.id, refund.id]);
    expect(await found('fund')).toEqual([]);
  });

  it('R21: every query word must start a word of the same task', async () => {
    const both = makeTask(1, { subject: 'Refund for late delivery' });
    const one = makeTask(2, { subject: 'Refund only' });
    await store([both, one]);

    expect(await found('ref deliv')).toEqual([both.id]);
    expect(await found('deliv ref')).toEqual([both.id]);
  });

  it('R21: finds tasks by customer name, phone digits, codes, transaction id and custom text', async () => {
    const customer = makeCustomer(1, { name: 'Zoë Müller', phones: ['+14155550134'] });
    const task = makeTask(1, {
      customerId: customer.id,
      transactionCodes: ['CCB-REJECTED'],
      transactionId: 'TX-778899',
      fields: { order_ref: 'ORD-4512', tags: ['gold', 'vip'] },
      call: {
        number: '+442071838750',
        callerName: 'Front desk',
        direction: 'inbound',
        queue: null,
        campaign: null,
        startedAt: null,
        connectedAt: null,
        endedAt: null,
        durationSeconds: null,
      },
    });
    await writeOperation(db, { customers: [customer], tasks: [task] });
    await catchUpSearchIndex(db);

    for (const query of [
      'zoe',
      'MULLER',
      '4155550134',
      '+1 415 555 0134',
      '555-0134',
      '020 7183 8750',
      'ccb rejected',
      'tx-778899',
      'ord-4512',
      'vip',
      'front desk',
    ]) {
      expect(await found(query), query).toEqual([task.id]);
    }
  });

  it('R21: a renamed customer is found under the new name once the indexer catches up', async () => {
    const customer = makeCustomer(1, { name: 'Ann Smith' });
    const task = makeTask(1, { customerId: customer.id });
    await writeOperation(db, { customers: [customer], tasks: [task] });
    await catchUpSearchIndex(db);
    await writeOperation(db, { customers: [{ ...customer, name: 'Ann Jones' }] });

    expect(await found('jones')).toEqual([task.id]);
    expect(await found('smith')).toEqual([]);
  });

  it('R21: never finds deleted tasks', async () => {
    const task = makeTask(1, { subject: 'Refund' });
    await store([task]);
    await store([{ ...task, deletedAt: '2026-03-01T00:00:00.000Z' }]);

    expect(await found('refund')).toEqual([]);
    expect(await db.taskWords.count()).toBe(0);
  });

  it('R21: finds a task saved a moment ago before the indexer has run', async () => {
    const old = makeTask(1, { subject: 'Refund old', updatedAt: '2026-01-01T00:00:00.000Z' });
    await store([old]);
    const fresh = makeTask(2, { subject: 'Refund new', updatedAt: '2026-02-01T00:00:00.000Z' });
    await writeOperation(db, { tasks: [fresh, { ...old, subject: 'Delivery' }] });

    const result = await searchTasks(db, 'refund');
    expect(ids(result.tasks)).toEqual([fresh.id]);
    expect(result.indexComplete).toBe(true);
  });

  it('R21: says the index is incomplete while a large load is still being indexed', async () => {
    const tasks = Array.from({ length: 250 }, (_, n) => makeTask(n + 1, { subject: 'Bulk' }));
    await writeOperation(db, { tasks });

    expect((await searchTasks(db, 'bulk')).indexComplete).toBe(false);
    await catchUpSearchIndex(db);
    const result = await searchTasks(db, 'bulk');
    expect(result.indexComplete).toBe(true);
    expect(result.tasks).toHaveLength(50);
    expect(result.hasMore).toBe(true);
  });

  it('R21: filters by kind, status, customer, assignee, code and date range', async () => {
    const customer = makeCustomer(1);
    const base = { subject: 'Invoice question' };
    const tasks = [
      makeTask(1, { ...base, kind: 'email' }),
      makeTask(2, { ...base, status: 'completed' }),
      makeTask(3, { ...base, customerId: customer.id }),
      makeTask(4, { ...base, assigneeId: OTHER_AGENT }),
      makeTask(5, { ...base, transactionCodes: ['SALE'] }),
      makeTask(6, { ...base, createdAt: '2025-06-01T00:00:00.000Z' }),
      makeTask(7, { ...base, dueAt: '2026-05-05T09:00:00.000Z' }),
    ];
    await store(tasks);
    const id = (n: number) => tasks[n - 1]?.id;

    expect(await found('inv', { kinds: ['email'] })).toEqual([id(1)]);
    expect(await found('inv', { statuses: ['completed'] })).toEqual([id(2)]);
    expect(await found('inv', { customerId: customer.id })).toEqual([id(3)]);
    expect(await found('inv', { assigneeId: OTHER_AGENT })).toEqual([id(4)]);
    expect(await found('inv', { transactionCode: 'SALE' })).toEqual([id(5)]);
    expect(
      await found('inv', { dateRange: { field: 'created', to: '2025-12-31T00:00:00.000Z' } }),
    ).toEqual([id(6)]);
    expect(
      await found('inv', {
        dateRange: { field: 'due', from: '2026-05-05T00:00:00Z', to: '2026-05-06T00:00:00Z' },
      }),
    ).toEqual([id(7)]);
    expect(await found('', { statuses: ['completed'] })).toEqual([id(2)]);
    expect(await found('inv', { assigneeId: AGENT, kinds: ['call'], statuses: ['open'] })).toEqual([
      id(7),
      id(6),
      id(5),
      id(3),
    ]);
  });

  it('R21: sorts by last change (default), by next due time, or newest first', async () => {
    const a = makeTask(1, {
      subject: 'Visit',
      createdAt: '2026-01-03T00:00:00.000Z',
      updatedAt: '2026-01-04T00:00:00.000Z',
      dueAt: null,
    });
    const b = makeTask(2, {
      subject: 'Visit',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-09T00:00:00.000Z',
      dueAt: '2026-02-01T00:00:00.000Z',
    });
    const c = makeTask(3, {
      subject: 'Visit',
      createdAt: '2026-01-02T00:00:00.000Z',
      updatedAt: '2026-01-05T00:00:00.000Z',
      scheduledAt: '2026-01-20T00:00:00.000Z',
    });
    await store([a, b, c]);

    expect(await found('visit')).toEqual([b.id, c.id, a.id]);
    expect(await found('visit', {}, { sort: 'due_asc' })).toEqual([c.id, b.id, a.id]);
    expect(await found('visit', {}, { sort: 'created_desc' })).toEqual([a.id, c.id, b.id]);
  });

  it('R21: pages through results with offset and limit and says whether more follow', async () => {
    const tasks = Array.from({ length: 7 }, (_, n) => makeTask(n + 1, { subject: 'Callback' }));
    await store(tasks);
    const newestFirst = ids(tasks).reverse();

    const first = await searchTasks(db, 'callback', {}, { limit: 3 });
    const last = await searchTasks(db, 'callback', {}, { limit: 3, offset: 6 });
    expect(ids(first.tasks)).toEqual(newestFirst.slice(0, 3));
    expect(first.hasMore).toBe(true);
    expect(ids(last.tasks)).toEqual(newestFirst.slice(6));
    expect(last.hasMore).toBe(false);
  });
});
