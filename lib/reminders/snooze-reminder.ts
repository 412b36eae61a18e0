import type { WrapupDb } from '../db/database';
import { writeOperation } from '../db/write-operation';
import { historyEntry } from '../domain/history-entry';
import { type Id, newId } from '../domain/ids';
import { outboxMutation } from '../domain/outbox-mutation';
import type { Task } from '../domain/task';

/**
 * Moves a task's reminder to `minutes` after `now` and records 'reminder_snoozed'. The new
 * remind-at time has not been handled, so the next wake-up shows it again. A task that is gone
 * or no longer scheduled is left alone and null is returned.
 */
export async function snoozeReminder(
  db: WrapupDb,
  taskId: Id,
  minutes: number,
  ctx: { actorId: Id; now: Date },
): Promise<Task | null> {
  return db.transaction('rw', db.tables, async () => {
    const task = await db.tasks.get(taskId);
    if (!task || task.deletedAt !== null || task.remindAt === null) return null;
    const now = ctx.now.toISOString();
    const until = new Date(ctx.now.getTime() + minutes * 60_000).toISOString();
    const snoozed: Task = {
      ...task,
      remindAt: until,
      updatedAt: now,
      updatedBy: ctx.actorId,
      version: task.version + 1,
    };
    const entry = historyEntry({ actorId: ctx.actorId, now, newId }, task.id, {
      type: 'reminder_snoozed',
      until,
    });
    await writeOperation(db, {
      tasks: [snoozed],
      history: [entry],
      mutations: [
        outboxMutation(
          'task.reminder',
          { taskId, event: { type: 'reminder_snoozed', until } },
          taskId,
        ),
      ],
    });
    return snoozed;
  });
}
