import { Dexie } from 'dexie';
import type { Id } from '../../domain/ids';
import type { Task } from '../../domain/task';
import type { WrapupDb } from '../database';

/** A call log the system made for an ended call that is still open: a candidate to log. */
function isOpenCallLog(task: Task): boolean {
  return (
    task.origin === 'system' &&
    task.call !== null &&
    task.status === 'open' &&
    task.deletedAt === null
  );
}

/**
 * The agent's ended calls still waiting to be logged, newest first: open call logs nobody has
 * saved yet (loggedAt, synced with the task). `logged` holds the ids the panel marked as saved
 * in this browser before the task recorded it, which still count.
 */
export function callsToLog(
  db: WrapupDb,
  assigneeId: Id,
  logged: ReadonlySet<Id> = new Set(),
  limit = 50,
): Promise<Task[]> {
  return db.tasks
    .where('[assigneeId+createdAt]')
    .between([assigneeId, Dexie.minKey], [assigneeId, Dexie.maxKey])
    .reverse()
    .filter((task) => isOpenCallLog(task) && !task.loggedAt && !logged.has(task.id))
    .limit(limit)
    .toArray();
}
