import { Dexie } from 'dexie';
import type { Id } from '../../domain/ids';
import type { Task } from '../../domain/task';
import type { WrapupDb } from '../database';

/** A call log the system made for an ended call that is still open: a candidate to log. */
export function isOpenCallLog(task: Task): boolean {
  return (
    task.origin === 'system' &&
    task.call !== null &&
    task.status === 'open' &&
    task.deletedAt === null
  );
}

/**
 * The agent's ended calls still waiting to be logged, newest first: open call logs except those
 * the agent has saved (`logged`, which the panel keeps).
 */
export function callsToLog(
  db: WrapupDb,
  assigneeId: Id,
  logged: ReadonlySet<Id>,
  limit = 50,
): Promise<Task[]> {
  return db.tasks
    .where('[assigneeId+createdAt]')
    .between([assigneeId, Dexie.minKey], [assigneeId, Dexie.maxKey])
    .reverse()
    .filter((task) => isOpenCallLog(task) && !logged.has(task.id))
    .limit(limit)
    .toArray();
}
