import type { KyInstance } from 'ky';
import { applyPulledPage } from '../db/apply-pulled-changes';
import type { WrapupDb } from '../db/database';
import { rememberOpenedTask } from '../db/sync-meta';
import type { Id } from '../domain/ids';
import { fetchTask, fetchTaskHistory } from './sync-api';

/**
 * A task the agent opened from a server search joins the working set: later pulls keep it
 * current, and its server copy and whole history are brought in now, since the pull cursor may
 * already be past its last change (made outside the working set, before the agent opened it).
 * Remembered before the fetch, so a change made meanwhile comes with the next pull; it stays
 * remembered if the fetch fails, as the search's copy is on the device and still needs those
 * pulls. Returns whether the server still has the task.
 */
export async function keepOpenedTaskCurrent(
  db: WrapupDb,
  http: KyInstance,
  taskId: Id,
  actorId: Id,
): Promise<boolean> {
  await rememberOpenedTask(db, taskId);
  const task = await fetchTask(http, taskId);
  if (!task) return false;
  const history = await fetchTaskHistory(http, taskId);
  await applyPulledPage(
    db,
    [{ entity: 'task', data: task }, ...history.map((data) => ({ entity: 'history', data }))],
    null,
    { actorId, now: new Date().toISOString() },
  );
  return true;
}
