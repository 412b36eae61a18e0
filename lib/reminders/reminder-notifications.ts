import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';
import { t } from '../i18n/translate';

/** A reminder late by more than this fell due while the browser was closed or asleep. */
export const PAST_DUE_AFTER_MS = 2 * 60_000;
/** More past-due reminders than this are shown as one notification, not a wall of them. */
export const PAST_DUE_GROUP_ABOVE = 3;

const TASK_PREFIX = 'wrapup-reminder:';
export const PAST_DUE_GROUP_ID = 'wrapup-reminders-past-due';

/** Where a notification leads: one task, or (for a group) the panel's list of due calls. */
export type ReminderTarget = { taskId: Id } | { taskId: null };

export interface ReminderNotification {
  id: string;
  title: string;
  message: string;
  contextMessage: string;
  /** Chrome only: Firefox's notifications have no buttons (its click opens the task). */
  buttons: { title: string }[];
  /** The tasks whose reminders it shows: one, or every task of a past-due group. */
  taskIds: Id[];
}

export function reminderNotificationId(taskId: Id): string {
  return `${TASK_PREFIX}${taskId}`;
}

export function reminderTarget(notificationId: string): ReminderTarget | null {
  if (notificationId === PAST_DUE_GROUP_ID) return { taskId: null };
  if (!notificationId.startsWith(TASK_PREFIX)) return null;
  return { taskId: notificationId.slice(TASK_PREFIX.length) };
}

export function isPastDue(task: Task, now: Date): boolean {
  return task.remindAt !== null && now.getTime() - Date.parse(task.remindAt) > PAST_DUE_AFTER_MS;
}

export interface ReminderDetails {
  task: Task;
  customerName: string | null;
}

export interface NotificationFormat {
  withButtons: boolean;
  formatTime: (iso: string) => string;
}

function who(details: ReminderDetails): string {
  const number = details.task.call?.number;
  const name = details.customerName ?? t('reminderNoCustomer');
  return number ? `${name} · ${number}` : name;
}

function taskNotification(
  details: ReminderDetails,
  pastDue: boolean,
  format: NotificationFormat,
): ReminderNotification {
  const { task } = details;
  const when = task.scheduledAt ?? task.remindAt;
  const number =
    task.number === null ? t('taskNumberNew') : t('reminderTaskNumber', { number: task.number });
  return {
    id: reminderNotificationId(task.id),
    title: pastDue ? t('reminderPastDueTitle') : t('reminderTitle'),
    message: `${who(details)}\n${task.subject}`,
    contextMessage: `${number} · ${when ? format.formatTime(when) : ''}`,
    buttons: format.withButtons
      ? [{ title: t('reminderCallNow') }, { title: t('reminderSnooze') }]
      : [],
    taskIds: [task.id],
  };
}

/**
 * The notifications for freshly claimed reminders: one per task, except that past-due ones
 * (fell due while the browser was closed) are folded into one when there are many.
 */
export function reminderNotifications(
  due: readonly ReminderDetails[],
  now: Date,
  format: NotificationFormat,
): ReminderNotification[] {
  const pastDue = due.filter(({ task }) => isPastDue(task, now));
  const onTime = due.filter(({ task }) => !isPastDue(task, now));
  const onTimeNotifications = onTime.map((details) => taskNotification(details, false, format));
  if (pastDue.length <= PAST_DUE_GROUP_ABOVE) {
    return [
      ...pastDue.map((details) => taskNotification(details, true, format)),
      ...onTimeNotifications,
    ];
  }
  const group: ReminderNotification = {
    id: PAST_DUE_GROUP_ID,
    title: t('reminderPastDueGroupTitle', { count: pastDue.length }),
    message: pastDue.map((details) => `${who(details)}: ${details.task.subject}`).join('\n'),
    contextMessage: '',
    buttons: [],
    taskIds: pastDue.map(({ task }) => task.id),
  };
  return [group, ...onTimeNotifications];
}
