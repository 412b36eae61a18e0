import { browser } from 'wxt/browser';
import {
  callLoggedNotification,
  callLoggedTarget,
} from '../../lib/call-log/call-logged-notification';
import type { Task } from '../../lib/domain/task';
import { requestOpenTask } from '../../lib/messages/open-task-request';
import { loadAgentPreferences } from '../../lib/preferences/agent-preferences';
import { NOTIFICATION_ICON } from './notification-icon';
import { openSidePanelOnClick } from './side-panel';

function logFailure(what: string) {
  return (error: unknown) => console.error(`[wrapup] ${what}`, error);
}

/**
 * Tells the agent a call was logged while the side panel was closed. The softphone page shows
 * its own prompt too, but the agent may be looking at another tab or window, or talking on a
 * desk phone; the notification's click opens the panel on that log.
 */
export async function showCallLoggedNotification(
  task: Pick<Task, 'id' | 'subject'>,
  windowId: number | undefined,
): Promise<void> {
  if (!(await loadAgentPreferences()).callLogNotifications) return;
  const notification = callLoggedNotification(task, windowId);
  await browser.notifications.create(notification.id, {
    type: 'basic',
    iconUrl: NOTIFICATION_ICON,
    title: notification.title,
    message: notification.message,
    contextMessage: notification.contextMessage,
  });
}

/**
 * A click on a call-logged notification is a user gesture: the panel opens (before any await,
 * or Chrome refuses) in the softphone's window, and the request left in storage makes it show
 * the log. Register synchronously from the background's main.
 */
export function registerCallLoggedNotifications(): void {
  browser.notifications.onClicked.addListener((notificationId) => {
    const target = callLoggedTarget(notificationId);
    if (!target) return;
    openSidePanelOnClick({
      windowId: target.windowId ?? browser.windows.WINDOW_ID_CURRENT,
    }).catch(logFailure('opening the side panel from a call-logged notification'));
    requestOpenTask(target.taskId, new Date()).catch(logFailure('recording the log to open'));
    browser.notifications.clear(notificationId).catch(logFailure('closing a notification'));
  });
}
