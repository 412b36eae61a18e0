import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { historyOf } from '../../../lib/db/queries/history-of';
import {
  taskById,
  taskByNumber,
  tasksByCallNumber,
  tasksByTransactionId,
} from '../../../lib/db/queries/task-lookups';
import { writeOperation } from '../../../lib/db/write-operation';
import type { HistoryEntry } from '../../../lib/domain/history';
import { AGENT, freshDb, ids, makeTask, testId } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
});

const call = {
  number: '+14155550134',
  callerName: null,
  direction: 'inbound' as const,
  queue: null,
  campaign: null,
  startedAt: null,
  connectedAt: null,
  endedAt: null,
  durationSeconds: null,
};

describe('task lookups', () => {
  it('R21: opens a task by id or number; a deleted one is gone', async () => {
    const task = makeTask(1, { number: 1042 });
    const deleted = makeTask(2, { number: 1043, deletedAt: '2026-02-01T00:00:00.000Z' });
    await writeOperation(db, { tasks: [task, deleted] });

    expect(await taskById(db, task.id)).toEqual(task);
    expect(await taskById(db, deleted.id)).toBeUndefined();
    expect(await taskById(db, testId(99))).toBeUndefined();
    expect(await taskByNumber(db, 1042)).toEqual(task);
    expect(await taskByNumber(db, 1043)).toBeUndefined();
  });

  it('R12: finds the call log and its clones by transaction id, oldest first', async () => {
    const log = makeTask(1, { transactionId: 'TX-1', createdAt: '2026-01-01T00:00:00.000Z' });
    const clone = makeTask(2, { transactionId: 'TX-1', createdAt: '2026-01-02T00:00:00.000Z' });
    const other = makeTask(3, { transactionId: 'TX-2' });
    await writeOperation(db, { tasks: [clone, log, other] });

    expect(ids(await tasksByTransactionId(db, 'TX-1'))).toEqual([log.id, clone.id]);
  });

  it('finds call logs by the E.164 number called, newest first', async () => {
    const first = makeTask(1, { call, createdAt: '2026-01-01T00:00:00.000Z' });
    const second = makeTask(2, { call, createdAt: '2026-01-05T00:00:00.000Z' });
    const other = makeTask(3, { call: { ...call, number: '+14155550199' } });
    await writeOperation(db, { tasks: [first, second, other] });

    expect(ids(await tasksByCallNumber(db, '+14155550134'))).toEqual([second.id, first.id]);
  });

  it('R25: gives a task history oldest first, entries of one instant in the order made', async () => {
    const task = makeTask(1);
    const entry = (n: number, at: string, field: string): HistoryEntry => ({
      id: testId(800 + n),
      taskId: task.id,
      at,
      by: AGENT,
      event: { type: 'changed', field, from: null, to: 'x' },
    });
    const later = entry(1, '2026-01-02T00:00:00.000Z', 'subject');
    const sameInstantA = entry(2, '2026-01-01T00:00:00.000Z', 'notes');
    const sameInstantB = entry(3, '2026-01-01T00:00:00.000Z', 'status');
    const elsewhere = { ...entry(4, '2026-01-01T00:00:00.000Z', 'notes'), taskId: testId(2) };
    await writeOperation(db, {
      tasks: [task],
      history: [later, sameInstantB, elsewhere, sameInstantA],
    });

    expect(ids(await historyOf(db, task.id))).toEqual([sameInstantA.id, sameInstantB.id, later.id]);
  });
});
