import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { myTasks } from '../../../lib/db/queries/my-tasks';
import { writeOperation } from '../../../lib/db/write-operation';
import type { Task } from '../../../lib/domain/task';
import { AGENT, freshDb, ids, makeTask, OTHER_AGENT } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
});

/** Noon local time, 2026-03-10: "today" runs from local midnight to the next. */
const NOW = new Date(2026, 2, 10, 12, 0, 0);
const local = (day: number, hour: number) => new Date(2026, 2, day, hour).toISOString();

describe('myTasks', () => {
  it('R22: lists only the tasks assigned to the agent, without deleted ones', async () => {
    const mine = makeTask(1);
    const theirs = makeTask(2, { assigneeId: OTHER_AGENT });
    const unassigned = makeTask(3, { assigneeId: null });
    const deleted = makeTask(4, { deletedAt: '2026-03-01T00:00:00.000Z' });
    await writeOperation(db, { tasks: [mine, theirs, unassigned, deleted] });

    expect(ids(await myTasks(db, AGENT, { filter: 'all' }))).toEqual([mine.id]);
  });

  it('R22: today holds the open tasks due or scheduled today, next due first', async () => {
    const dueToday = makeTask(1, { dueAt: local(10, 17) });
    const callToday = makeTask(2, { scheduledAt: local(10, 9) });
    const doneToday = makeTask(3, { dueAt: local(10, 11), status: 'completed' });
    const tomorrow = makeTask(4, { dueAt: local(11, 9) });
    const yesterday = makeTask(5, { dueAt: local(9, 9) });
    const lateNight = makeTask(6, { scheduledAt: local(10, 23), status: 'in_progress' });
    await writeOperation(db, {
      tasks: [dueToday, callToday, doneToday, tomorrow, yesterday, lateNight],
    });

    expect(ids(await myTasks(db, AGENT, { filter: 'today', now: NOW }))).toEqual([
      callToday.id,
      dueToday.id,
      lateNight.id,
    ]);
  });

  it('R22: overdue holds the open tasks whose due or scheduled time has passed', async () => {
    const late = makeTask(1, { dueAt: local(8, 9) });
    const missedCall = makeTask(2, { scheduledAt: local(10, 11) });
    const later = makeTask(3, { dueAt: local(10, 13) });
    const done = makeTask(4, { dueAt: local(1, 9), status: 'completed' });
    const cancelled = makeTask(5, { dueAt: local(1, 9), status: 'cancelled' });
    await writeOperation(db, { tasks: [late, missedCall, later, done, cancelled] });

    expect(ids(await myTasks(db, AGENT, { filter: 'overdue', now: NOW }))).toEqual([
      late.id,
      missedCall.id,
    ]);
  });

  it('R22: scheduled holds the calls still to make, soonest first', async () => {
    const nextWeek = makeTask(1, { scheduledAt: local(17, 9) });
    const thisAfternoon = makeTask(2, { scheduledAt: local(10, 15) });
    const past = makeTask(3, { scheduledAt: local(9, 15) });
    const noCall = makeTask(4, { dueAt: local(12, 9) });
    await writeOperation(db, { tasks: [nextWeek, thisAfternoon, past, noCall] });

    expect(ids(await myTasks(db, AGENT, { filter: 'scheduled', now: NOW }))).toEqual([
      thisAfternoon.id,
      nextWeek.id,
    ]);
  });

  it('R22: open, completed and all, last changed first by default', async () => {
    const statuses: Task['status'][] = ['open', 'in_progress', 'completed', 'cancelled'];
    const tasks = statuses.map((status, n) => makeTask(n + 1, { status }));
    await writeOperation(db, { tasks });
    const [open, inProgress, completed, cancelled] = ids(tasks);

    expect(ids(await myTasks(db, AGENT, { filter: 'open' }))).toEqual([inProgress, open]);
    expect(ids(await myTasks(db, AGENT, { filter: 'completed' }))).toEqual([completed]);
    expect(ids(await myTasks(db, AGENT, { filter: 'all' }))).toEqual([
      cancelled,
      completed,
      inProgress,
      open,
    ]);
  });

  it('R22: filters by kind and sorts by last change, next due time or creation', async () => {
    const a = makeTask(1, {
      kind: 'email',
      createdAt: '2026-01-03T00:00:00.000Z',
      updatedAt: '2026-01-04T00:00:00.000Z',
    });
    const b = makeTask(2, {
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-09T00:00:00.000Z',
      dueAt: '2026-02-01T00:00:00.000Z',
    });
    const c = makeTask(3, {
      createdAt: '2026-01-02T00:00:00.000Z',
      updatedAt: '2026-01-05T00:00:00.000Z',
      scheduledAt: '2026-01-20T00:00:00.000Z',
    });
    await writeOperation(db, { tasks: [a, b, c] });
    const list = (sort: 'updated_desc' | 'due_asc' | 'created_desc') =>
      myTasks(db, AGENT, { filter: 'all', sort }).then(ids);

    expect(await list('updated_desc')).toEqual([b.id, c.id, a.id]);
    expect(await list('due_asc')).toEqual([c.id, b.id, a.id]);
    expect(await list('created_desc')).toEqual([a.id, c.id, b.id]);
    expect(ids(await myTasks(db, AGENT, { filter: 'all', kind: 'email' }))).toEqual([a.id]);
  });

  it('R22: pages with offset and limit, skipping filtered-out tasks', async () => {
    const tasks = Array.from({ length: 8 }, (_, n) =>
      makeTask(n + 1, { status: n % 2 ? 'completed' : 'open' }),
    );
    await writeOperation(db, { tasks });
    const openNewestFirst = ids(tasks.filter((task) => task.status === 'open')).reverse();

    expect(ids(await myTasks(db, AGENT, { filter: 'open', offset: 1, limit: 2 }))).toEqual(
      openNewestFirst.slice(1, 3),
    );
    expect(
      ids(await myTasks(db, AGENT, { filter: 'open', sort: 'due_asc', offset: 3, limit: 5 })),
    ).toHaveLength(1);
  });

  it('R22: a first page skips deleted tasks and other kinds among the newest, and still fills', async () => {
    const at = (n: number) => new Date(Date.UTC(2026, 1, 1, 0, n)).toISOString();
    const tasks = Array.from({ length: 10 }, (_, n) =>
      makeTask(n + 1, {
        updatedAt: at(n),
        kind: n % 3 === 0 ? 'email' : 'call',
        deletedAt: n === 8 ? at(n) : null,
      }),
    );
    await writeOperation(db, { tasks });
    const newestFirst = [...tasks].reverse();
    const liveCalls = newestFirst.filter((task) => task.kind === 'call' && task.deletedAt === null);
    const live = newestFirst.filter((task) => task.deletedAt === null);
    expect(ids(await myTasks(db, AGENT, { filter: 'open', limit: 3 }))).toEqual(
      ids(live.slice(0, 3)),
    );
    expect(ids(await myTasks(db, AGENT, { filter: 'open', kind: 'call', limit: 4 }))).toEqual(
      ids(liveCalls.slice(0, 4)),
    );
  });

  it('R22: open lists open and in-progress tasks newest change first, however many are done', async () => {
    const done = Array.from({ length: 300 }, (_, i) => makeTask(100 + i, { status: 'completed' }));
    const open = makeTask(1, { updatedAt: '2026-02-01T00:00:00.000Z' });
    const going = makeTask(2, { status: 'in_progress', updatedAt: '2026-02-03T00:00:00.000Z' });
    const older = makeTask(3, { updatedAt: '2026-01-15T00:00:00.000Z' });
    await writeOperation(db, { tasks: [...done, open, going, older] });
    expect(ids(await myTasks(db, AGENT, { filter: 'open' }))).toEqual(ids([going, open, older]));
    expect(ids(await myTasks(db, AGENT, { filter: 'open', limit: 2 }))).toEqual(ids([going, open]));
    expect(ids(await myTasks(db, AGENT, { filter: 'open', offset: 1, limit: 1 }))).toEqual(
      ids([open]),
    );
    expect(await myTasks(db, AGENT, { filter: 'completed' })).toHaveLength(300);
  });
});
