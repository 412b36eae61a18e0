import { Dexie } from 'dexie';
import type { WrapupDb } from '../db/database';
import type { Timestamp } from '../domain/ids';
import type { Task } from '../domain/task';
import { handledReminders, isHandled } from './reminder-handled';
import { isRemindable, type ReminderScope } from './reminder-scope';

/**
 * Tasks whose reminder time has come, earliest first. Read in one bulk `getAll` over the
 * remind-at index and filtered here: a filtering cursor would cost a round trip per task.
 */
async function tasksRemindedBy(db: WrapupDb, now: Date, scope: ReminderScope): Promise<Task[]> {
  const reached = await db.tasks
    .where('remindAt')
    .between(Dexie.minKey, now.toISOString(), true, true)
    .toArray();
  return reached.filter((task) => isRemindable(task, scope));
}

/** Reminders due at `now` and not shown yet, earliest first. */
export async function dueReminders(db: WrapupDb, now: Date, scope: ReminderScope): Promise<Task[]> {
  const handled = await handledReminders(db);
  return (await tasksRemindedBy(db, now, scope)).filter((task) => !isHandled(task, handled));
}

/** Scheduled calls whose reminder time has come, shown or not: the toolbar badge's number. */
export async function dueCallCount(db: WrapupDb, now: Date, scope: ReminderScope): Promise<number> {
  return (await tasksRemindedBy(db, now, scope)).length;
}

const FIRST_PAGE = 32;

/**
 * The earliest reminder still to show, or null when there is none: a due one not shown yet, else
 * the first later one of the agent's. Later reminders are read from the index in growing pages,
 * so colleagues' tasks in the working set are skipped without reading every scheduled task.
 */
export async function nextReminderAt(
  db: WrapupDb,
  now: Date,
  scope: ReminderScope,
): Promise<Timestamp | null> {
  const handled = await handledReminders(db);
  const [due] = (await tasksRemindedBy(db, now, scope)).filter((task) => !isHandled(task, handled));
  if (due) return due.remindAt;
  const later = db.tasks.where('remindAt').above(now.toISOString());
  for (let limit = FIRST_PAGE; ; limit *= 8) {
    const page = await later.clone().limit(limit).toArray();
    const next = page.find((task) => isRemindable(task, scope) && !isHandled(task, handled));
    if (next) return next.remindAt;
    if (page.length < limit) return null;
  }
}
