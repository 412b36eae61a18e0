import type { WrapupDb } from '../db/database';
import { writeOperation } from '../db/write-operation';
import { historyEntry } from '../domain/history-entry';
import { type Id, newId } from '../domain/ids';
import { outboxMutation } from '../domain/outbox-mutation';

/** Records that the agent closed a reminder without acting on it. */
export async function dismissReminder(
  db: WrapupDb,
  taskId: Id,
  ctx: { actorId: Id; now: Date },
): Promise<void> {
  const task = await db.tasks.get(taskId);
  if (!task) return;
  const entry = historyEntry({ actorId: ctx.actorId, now: ctx.now.toISOString(), newId }, taskId, {
    type: 'reminder_dismissed',
  });
  await writeOperation(db, {
    history: [entry],
    mutations: [
      outboxMutation('task.reminder', { taskId, event: { type: 'reminder_dismissed' } }, taskId),
    ],
  });
}
