import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';
import { t } from '../i18n/translate';

const PREFIX = 'wrapup-call-logged:';

/** Where a call-logged notification leads: the log, in the side panel of the softphone's window. */
export interface CallLoggedTarget {
  taskId: Id;
  /** The browser window of the softphone tab; null when unknown (the current window then). */
  windowId: number | null;
}

export interface CallLoggedNotification {
  id: string;
  title: string;
  message: string;
  contextMessage: string;
}

/**
 * The notification that tells the agent a call was logged while the side panel was closed. Its
 * id carries the task and the window, so the click (a user gesture: the panel may open) needs
 * no lookup first. The subject names the caller; notifications show it as plain text.
 */
export function callLoggedNotification(
  task: Pick<Task, 'id' | 'subject'>,
  windowId: number | undefined,
): CallLoggedNotification {
  return {
    id: `${PREFIX}${windowId ?? ''}:${task.id}`,
    title: t('callLoggedNotificationTitle'),
    message: task.subject,
    contextMessage: t('callLoggedNotificationHint'),
  };
}

export function callLoggedTarget(notificationId: string): CallLoggedTarget | null {
  if (!notificationId.startsWith(PREFIX)) return null;
  const rest = notificationId.slice(PREFIX.length);
  const split = rest.indexOf(':');
  const taskId = rest.slice(split + 1);
  if (split < 0 || taskId === '') return null;
  const windowId = Number.parseInt(rest.slice(0, split), 10);
  return { taskId, windowId: Number.isSafeInteger(windowId) ? windowId : null };
}
