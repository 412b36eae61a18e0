import type { WrapupDb } from '../db/database';
import type { Id, Timestamp } from '../domain/ids';
import type { Task } from '../domain/task';

/**
 * A reminder is handled once per (task, remind-at time): the meta row `reminder-handled:<taskId>`
 * holds the remind-at time that was shown. Moving the reminder (an edit, a snooze, a sync) makes
 * it due again; restarts and other windows read the same row, so nothing is shown twice.
 */
const PREFIX = 'reminder-handled:';

export function reminderHandledKey(taskId: Id): string {
  return `${PREFIX}${taskId}`;
}

/** The remind-at time each task's reminder was last handled at, by task id. */
export async function handledReminders(db: WrapupDb): Promise<Map<Id, Timestamp>> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  return new Map(
    rows.flatMap((row) =>
      typeof row.value === 'string' ? [[row.key.slice(PREFIX.length), row.value] as const] : [],
    ),
  );
}

export function isHandled(task: Task, handled: ReadonlyMap<Id, Timestamp>): boolean {
  return task.remindAt !== null && handled.get(task.id) === task.remindAt;
}

export async function markRemindersHandled(db: WrapupDb, tasks: readonly Task[]): Promise<void> {
  await db.meta.bulkPut(
    tasks.map((task) => ({ key: reminderHandledKey(task.id), value: task.remindAt })),
  );
}

/**
 * Gives claimed reminders back, so the next wake-up shows them: for when the browser refused to
 * show their notification. Never dropped matters more than a second "shown" in their history.
 */
export async function releaseReminders(db: WrapupDb, taskIds: readonly Id[]): Promise<void> {
  await db.meta.bulkDelete(taskIds.map(reminderHandledKey));
}
