import type { WrapupDb } from '../db/database';
import { historyOf } from '../db/queries/history-of';
import { tasksByCallNumber, tasksByTransactionId } from '../db/queries/task-lookups';
import { saveTaskEdit } from '../db/task-commands';
import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';
import type { TaskChanges } from '../domain/task-draft';
import type { CallEvent } from '../softphone/call-event';

async function callLogOfOptional(db: WrapupDb, event: CallEvent): Promise<Task | undefined> {
  const isLogOf = (task: Task) =>
    task.origin !== 'clone' && task.deletedAt === null && task.call?.startedAt === event.startedAt;
  if (event.transactionId) {
    return (await tasksByTransactionId(db, event.transactionId)).find(
      (task) => task.origin !== 'clone' && task.deletedAt === null && task.call !== null,
    );
  }
  return event.number ? (await tasksByCallNumber(db, event.number)).find(isLogOf) : undefined;
}

/**
 * The agent finished wrap-up on the softphone: the codes and callback picked there join the call
 * log (R5, R8). What the agent already changed in Wrapup itself wins and is never overwritten.
 * This is the system's report, so required custom fields the agent has yet to fill do not hold
 * it up; the agent's own save still asks for them.
 */
export async function applyWrapUp(
  db: WrapupDb,
  event: CallEvent,
  ctx: { actorId: Id; now?: () => Date },
): Promise<Task | undefined> {
  const task = await callLogOfOptional(db, event);
  if (!task) return undefined;
  const edited = new Set(
    (await historyOf(db, task.id)).flatMap((entry) =>
      entry.event.type === 'changed' ? [entry.event.field] : [],
    ),
  );
  const changes: TaskChanges = {};
  if (!edited.has('transactionCodes')) {
    changes.transactionCodes = [
      ...new Set([...task.transactionCodes, ...event.selectedCodes, ...event.systemCodes]),
    ];
  }
  if (event.callbackAt && !edited.has('scheduledAt') && task.scheduledAt === null) {
    changes.scheduledAt = event.callbackAt;
  }
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  return saveTaskEdit(db, task.id, changes, { actorId: ctx.actorId, now, source: 'system' });
}
