import type { WrapupDb } from '../db/database';
import { writeOperation } from '../db/write-operation';
import { historyEntry } from '../domain/history-entry';
import { type Id, newId } from '../domain/ids';
import { outboxMutation } from '../domain/outbox-mutation';
import type { Task } from '../domain/task';
import { dueReminders } from './next-reminder';
import { markRemindersHandled } from './reminder-handled';
import type { ReminderScope } from './reminder-scope';

/**
 * Claims the reminders due at `now`: records 'reminder_fired' in each task's history and marks
 * it handled in the same transaction, so two wake-ups racing (a restart, an alarm, another
 * window) cannot both claim one reminder. Returns the claimed tasks, earliest first; the caller
 * shows them.
 */
export async function fireDueReminders(
  db: WrapupDb,
  now: Date,
  scope: ReminderScope & { actorId: Id },
): Promise<Task[]> {
  return db.transaction('rw', db.tables, async () => {
    const due = await dueReminders(db, now, scope);
    if (due.length === 0) return [];
    const ctx = { actorId: scope.actorId, now: now.toISOString(), newId };
    await writeOperation(db, {
      history: due.map((task) => historyEntry(ctx, task.id, { type: 'reminder_fired' })),
      mutations: due.map((task) =>
        outboxMutation(
          'task.reminder',
          { taskId: task.id, event: { type: 'reminder_fired' } },
          task.id,
        ),
      ),
    });
    await markRemindersHandled(db, due);
    return due;
  });
}
