import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { isSearchIndexComplete } from '../../../lib/db/search-indexer';
import { writeOperation } from '../../../lib/db/write-operation';
import type { HistoryEntry } from '../../../lib/domain/history';
import { AGENT, freshDb, makeCustomer, makeTask, testId } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
});

function entry(n: number, taskId: string, at: string): HistoryEntry {
  return { id: testId(700_000 + n), taskId, at, by: AGENT, event: { type: 'reminder_fired' } };
}

describe('writeOperation', () => {
  it('stores tasks, their history and customers together', async () => {
    const customer = makeCustomer(1);
    const task = makeTask(1, { customerId: customer.id });
    await writeOperation(db, {
      tasks: [task],
      history: [entry(1, task.id, task.createdAt)],
      customers: [customer],
    });

    expect(await db.tasks.get(task.id)).toEqual(task);
    expect(await db.history.count()).toBe(1);
    expect(await db.customers.get(customer.id)).toEqual(customer);
  });

  it('writes nothing at all when any part of the write fails', async () => {
    const task = makeTask(1);
    const broken = {
      ...entry(2, task.id, task.createdAt),
      id: undefined,
    } as unknown as HistoryEntry;

    await expect(
      writeOperation(db, { tasks: [task], history: [entry(1, task.id, task.createdAt), broken] }),
    ).rejects.toThrow();
    expect(await db.tasks.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
    expect(await db.searchQueue.count()).toBe(0);
  });

  it('stores every instant as UTC with milliseconds, so indexes order them as time does', async () => {
    const task = makeTask(1, {
      createdAt: '2026-03-01T10:00:00+02:00',
      updatedAt: '2026-03-01T08:30:00Z',
      dueAt: '2026-03-02T00:00:00.5-01:00',
    });
    await writeOperation(db, { tasks: [task] });

    const stored = await db.tasks.get(task.id);
    expect(stored?.createdAt).toBe('2026-03-01T08:00:00.000Z');
    expect(stored?.updatedAt).toBe('2026-03-01T08:30:00.000Z');
    expect(stored?.dueAt).toBe('2026-03-02T01:00:00.500Z');
  });

  it('queues written tasks for the search index instead of indexing them in the write', async () => {
    await writeOperation(db, { tasks: [makeTask(1), makeTask(2)] });

    expect(await db.taskWords.count()).toBe(0);
    expect(await isSearchIndexComplete(db)).toBe(false);
  });

  it('queues the tasks of a customer whose searchable details changed, and only then', async () => {
    const customer = makeCustomer(1, { name: 'Ann Smith' });
    await writeOperation(db, {
      customers: [customer],
      tasks: [makeTask(1, { customerId: customer.id })],
    });
    await db.searchQueue.clear();

    await writeOperation(db, { customers: [{ ...customer, notes: 'VIP', version: 1 }] });
    expect(await db.searchQueue.count()).toBe(0);

    await writeOperation(db, { customers: [{ ...customer, name: 'Ann Jones' }] });
    const queued = await db.searchQueue.toArray();
    expect(queued.flatMap((row) => row.taskIds)).toEqual([makeTask(1).id]);
  });

  it('queues the tasks of every renamed customer in a bulk write, and of no other', async () => {
    const customers = [1, 2, 3, 4].map((n) => makeCustomer(n, { name: `Customer ${n}` }));
    const taskOf = (n: number, customer: number) =>
      makeTask(n, { customerId: customers[customer - 1]?.id ?? null });
    // Customer 2's many tasks crowd the index span between customers 1 and 3.
    const tasks = [taskOf(1, 1), taskOf(2, 3), taskOf(3, 4)];
    for (let n = 10; n < 50; n++) tasks.push(taskOf(n, 2));
    await writeOperation(db, { customers, tasks });
    const renamed = (numbers: number[], to: string) =>
      customers
        .filter((_, index) => numbers.includes(index + 1))
        .map((customer) => ({
          ...customer,
          name: `${customer.name} ${to}`,
        }));
    const queuedNow = async () => {
      const taskIds = (await db.searchQueue.toArray()).flatMap((row) => row.taskIds);
      await db.searchQueue.clear();
      return taskIds.sort();
    };
    await db.searchQueue.clear();

    await writeOperation(db, { customers: renamed([1, 3], 'Smith') });
    expect(await queuedNow()).toEqual([taskOf(1, 1).id, taskOf(2, 3).id]);
    await writeOperation(db, { customers: renamed([3, 4], 'Jones') });
    expect(await queuedNow()).toEqual([taskOf(2, 3).id, taskOf(3, 4).id]);
    await writeOperation(db, {
      customers: [makeCustomer(5, { name: 'New' }), makeCustomer(6, { name: 'Newer' })],
    });
    expect(await queuedNow()).toEqual([]);
  });
});
