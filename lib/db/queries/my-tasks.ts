import { Dexie, type IndexableType } from 'dexie';
import type { Id } from '../../domain/ids';
import type { Task } from '../../domain/task';
import type { TaskKind, TaskStatus } from '../../domain/task-kind';
import type { WrapupDb } from '../database';
import { compareTasks, type TaskSort } from './task-sort';

export const MY_TASKS_FILTERS = [
  'today',
  'overdue',
  'scheduled',
  'open',
  'completed',
  'all',
] as const;
/**
 * today: still to do, due or scheduled today (local time); overdue: still to do, due or scheduled
 * before now; scheduled: still to do, scheduled from now on; open: still to do; completed; all.
 */
export type MyTasksFilter = (typeof MY_TASKS_FILTERS)[number];

export interface MyTasksOptions {
  filter: MyTasksFilter;
  kind?: TaskKind;
  /** Defaults to next due first for the time-based filters, last changed first otherwise. */
  sort?: TaskSort;
  offset?: number;
  /** Every matching task when omitted. */
  limit?: number;
  now?: Date;
}

const TO_DO: readonly TaskStatus[] = ['open', 'in_progress'];

type TimeIndex = '[assigneeId+dueAt]' | '[assigneeId+scheduledAt]';

function tasksTimedBetween(
  db: WrapupDb,
  index: TimeIndex,
  assigneeId: Id,
  from: IndexableType,
  to: IndexableType,
): Promise<Task[]> {
  return db.tasks.where(index).between([assigneeId, from], [assigneeId, to], true, false).toArray();
}

/** The assignee's tasks with a due or scheduled time in [from, to), each once. */
async function timedTasks(
  db: WrapupDb,
  assigneeId: Id,
  from: IndexableType,
  to: IndexableType,
  indexes: readonly TimeIndex[],
): Promise<Task[]> {
  const lists = await Promise.all(
    indexes.map((index) => tasksTimedBetween(db, index, assigneeId, from, to)),
  );
  return [...new Map(lists.flat().map((task) => [task.id, task])).values()];
}

function startOfLocalDay(now: Date, dayOffset: number): string {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  day.setDate(day.getDate() + dayOffset);
  return day.toISOString();
}

function page(tasks: Task[], options: MyTasksOptions, sort: TaskSort): Task[] {
  const sorted = tasks.sort(compareTasks(sort));
  const offset = options.offset ?? 0;
  return sorted.slice(offset, options.limit === undefined ? undefined : offset + options.limit);
}

/**
 * The tasks assigned to an agent (R22), without deleted ones. The time-based filters read only
 * the tasks in their time range; the others walk the assignee's index in the wanted order.
 */
export async function myTasks(
  db: WrapupDb,
  assigneeId: Id,
  options: MyTasksOptions,
): Promise<Task[]> {
  const { filter, kind } = options;
  const now = options.now ?? new Date();
  const timeBased = filter === 'today' || filter === 'overdue' || filter === 'scheduled';
  const sort = options.sort ?? (timeBased ? 'due_asc' : 'updated_desc');
  const statuses: readonly TaskStatus[] | null =
    filter === 'completed' ? ['completed'] : filter === 'all' ? null : TO_DO;
  const wanted = (task: Task) =>
    task.deletedAt === null &&
    (statuses === null || statuses.includes(task.status)) &&
    (kind === undefined || task.kind === kind);

  const both: TimeIndex[] = ['[assigneeId+dueAt]', '[assigneeId+scheduledAt]'];
  const nowIso = now.toISOString();
  if (filter === 'today') {
    const today = await timedTasks(
      db,
      assigneeId,
      startOfLocalDay(now, 0),
      startOfLocalDay(now, 1),
      both,
    );
    return page(today.filter(wanted), options, sort);
  }
  if (filter === 'overdue') {
    const overdue = await timedTasks(db, assigneeId, Dexie.minKey, nowIso, both);
    return page(overdue.filter(wanted), options, sort);
  }
  if (filter === 'scheduled') {
    const upcoming = await timedTasks(db, assigneeId, nowIso, Dexie.maxKey, [
      '[assigneeId+scheduledAt]',
    ]);
    return page(upcoming.filter(wanted), options, sort);
  }
  if (statuses !== null) {
    // Read by status: only the tasks wanted, however many others the agent has.
    const newestFirst = sort === 'updated_desc';
    const enough =
      newestFirst && options.limit !== undefined ? (options.offset ?? 0) + options.limit : null;
    const byStatus = (status: TaskStatus) =>
      db.tasks
        .where('[assigneeId+status+updatedAt]')
        .between([assigneeId, status, Dexie.minKey], [assigneeId, status, Dexie.maxKey])
        .reverse();
    const lists = await Promise.all(
      statuses.map(async (status) => {
        if (enough === null) return byStatus(status).filter(wanted).toArray();
        // The index range holds the status already: the newest `enough` in one read, and a
        // filtering walk only when some of them are deleted or of another kind.
        const newest = await byStatus(status).limit(enough).toArray();
        const kept = newest.filter(wanted);
        if (kept.length === newest.length) return kept;
        return byStatus(status).filter(wanted).limit(enough).toArray();
      }),
    );
    return page(lists.flat(), options, sort);
  }
  if (sort === 'due_asc') {
    const all = await db.tasks
      .where('[assigneeId+updatedAt]')
      .between([assigneeId, Dexie.minKey], [assigneeId, Dexie.maxKey])
      .toArray();
    return page(all.filter(wanted), options, sort);
  }
  const index = sort === 'updated_desc' ? '[assigneeId+updatedAt]' : '[assigneeId+createdAt]';
  let walk = db.tasks
    .where(index)
    .between([assigneeId, Dexie.minKey], [assigneeId, Dexie.maxKey])
    .reverse()
    .filter(wanted);
  if (options.offset) walk = walk.offset(options.offset);
  if (options.limit !== undefined) walk = walk.limit(options.limit);
  return walk.toArray();
}
