import { z } from 'zod';
import type { WrapupDb } from '../db/database';
import { IdSchema, TimestampSchema } from '../domain/ids';
import type { Task } from '../domain/task';
import type { ReminderNotification } from './reminder-notifications';
import { isRemindable, type ReminderScope } from './reminder-scope';

/**
 * The reminder notifications on screen that the agent has not acted on yet, kept so a browser
 * restart (which takes every notification away with it) can put them back. A row per
 * notification holds each of its tasks' remind-at time as shown; it goes when the agent clicks,
 * snoozes, calls or closes the notification.
 */
const PREFIX = 'reminder-on-screen:';

const ShownAtSchema = z.record(IdSchema, TimestampSchema);

export async function rememberOnScreen(
  db: WrapupDb,
  notification: ReminderNotification,
  tasks: readonly Task[],
): Promise<void> {
  const shownAt = Object.fromEntries(
    tasks.flatMap((task) =>
      notification.taskIds.includes(task.id) && task.remindAt ? [[task.id, task.remindAt]] : [],
    ),
  );
  await db.meta.put({ key: `${PREFIX}${notification.id}`, value: shownAt });
}

export async function forgetOnScreen(db: WrapupDb, notificationId: string): Promise<void> {
  await db.meta.delete(`${PREFIX}${notificationId}`);
}

/**
 * Takes back the tasks of every notification left unanswered, for showing again after a restart:
 * only those whose reminder still stands as it was shown (not done, deleted, reassigned or moved
 * since, which would have a reminder of its own). The rows go; showing them again writes new ones.
 */
export async function takeUnansweredReminders(db: WrapupDb, scope: ReminderScope): Promise<Task[]> {
  return db.transaction('rw', db.meta, db.tasks, async () => {
    const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
    const shownAt = new Map<string, string>();
    for (const row of rows) {
      const parsed = ShownAtSchema.safeParse(row.value);
      if (parsed.success) for (const [id, at] of Object.entries(parsed.data)) shownAt.set(id, at);
    }
    await db.meta.bulkDelete(rows.map((row) => row.key));
    const tasks = await db.tasks.bulkGet([...shownAt.keys()]);
    return tasks
      .filter(
        (task): task is Task =>
          task !== undefined && isRemindable(task, scope) && shownAt.get(task.id) === task.remindAt,
      )
      .sort((a, b) => (a.remindAt ?? '').localeCompare(b.remindAt ?? ''));
  });
}
