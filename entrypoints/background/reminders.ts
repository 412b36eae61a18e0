import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { loadSettings } from '../../lib/db/settings-store';
import type { Id } from '../../lib/domain/ids';
import type { Task } from '../../lib/domain/task';
import { requestOpenTask } from '../../lib/messages/open-task-request';
import { loadAgentPreferences } from '../../lib/preferences/agent-preferences';
import { dismissReminder } from '../../lib/reminders/dismiss-reminder';
import { fireDueReminders } from '../../lib/reminders/fire-reminders';
import { dueCallCount, nextReminderAt } from '../../lib/reminders/next-reminder';
import { releaseReminders } from '../../lib/reminders/reminder-handled';
import {
  type ReminderNotification,
  reminderNotificationId,
  reminderNotifications,
  reminderTarget,
} from '../../lib/reminders/reminder-notifications';
import {
  forgetOnScreen,
  rememberOnScreen,
  takeUnansweredReminders,
} from '../../lib/reminders/reminders-on-screen';
import { snoozeReminder } from '../../lib/reminders/snooze-reminder';
import { watchTaskWrites } from '../../lib/reminders/watch-task-writes';
import { currentAgentId } from '../../lib/session/current-agent';
import { openBackgroundDb } from './database';
import { NOTIFICATION_ICON } from './notification-icon';
import { openSidePanelOnClick } from './side-panel';
import { dialOnOpenSoftphone } from './softphone-dial';

export const REMINDER_ALARM = 'wrapup-reminder';

/**
 * A backstop that wakes the worker every minute to re-arm. Writes made while the worker was
 * stopped by a context that did not say so (the side panel tells it with `reminders/changed`,
 * synced changes arrive through the worker itself) would otherwise wait for the next wake-up:
 * with it a reminder is at most this late. One alarm, whatever the number of tasks.
 */
export const REMINDER_SWEEP_ALARM = 'wrapup-reminder-sweep';
const SWEEP_PERIOD_MINUTES = 1;

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Firefox's notifications reject buttons and requireInteraction; Chrome keeps them until handled. */
function notificationOptions(notification: ReminderNotification) {
  const base = {
    type: 'basic' as const,
    iconUrl: NOTIFICATION_ICON,
    title: notification.title,
    message: notification.message,
  };
  if (import.meta.env.FIREFOX) return base;
  return {
    ...base,
    contextMessage: notification.contextMessage,
    buttons: notification.buttons,
    requireInteraction: true,
    priority: 2,
  };
}

const SHOW_ATTEMPTS = 3;
/** After the browser refused a notification, when the next wake-up tries again. */
const RETRY_AFTER_MS = 30_000;

/** Shows one notification, retrying a moment later if the browser refuses (e.g. starting up). */
async function createNotification(notification: ReminderNotification): Promise<boolean> {
  // An agent who switched reminder notifications off still has the reminder in the task's
  // history and the panel; only the pop-up is left out.
  if (!(await loadAgentPreferences()).reminderNotifications) return true;
  for (let attempt = 1; ; attempt++) {
    try {
      await browser.notifications.create(notification.id, notificationOptions(notification));
      return true;
    } catch (error) {
      if (attempt >= SHOW_ATTEMPTS) {
        logFailure('showing a reminder')(error);
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/**
 * Shows the reminders of these tasks, each notification remembered as on screen until the agent
 * acts on it. Returns the tasks whose notification the browser refused.
 */
async function showReminders(tasks: readonly Task[], now: Date): Promise<Id[]> {
  const db = openBackgroundDb();
  const customers = await db.customers.bulkGet(
    tasks.map((task) => task.customerId ?? '').filter((id) => id !== ''),
  );
  const names = new Map(
    customers.flatMap((customer) => (customer ? [[customer.id, customer.name]] : [])),
  );
  const notifications = reminderNotifications(
    tasks.map((task) => ({
      task,
      customerName: task.customerId ? (names.get(task.customerId) ?? null) : null,
    })),
    now,
    {
      withButtons: !import.meta.env.FIREFOX,
      formatTime: (iso) => timeFormat.format(new Date(iso)),
    },
  );
  const unshown: Id[] = [];
  for (const notification of notifications) {
    if (await createNotification(notification)) await rememberOnScreen(db, notification, tasks);
    else unshown.push(...notification.taskIds);
  }
  return unshown;
}

/**
 * Claims and shows the reminders due at `now`. Returns false when a notification could not be
 * shown: its reminders are given back, to be shown at the next wake-up.
 */
async function showDueReminders(now: Date): Promise<boolean> {
  const db = openBackgroundDb();
  const agentId = await currentAgentId();
  const fired = await fireDueReminders(db, now, { agentId, actorId: agentId });
  if (fired.length === 0) return true;
  const unshown = await showReminders(fired, now);
  if (unshown.length > 0) await releaseReminders(db, unshown);
  return unshown.length === 0;
}

/**
 * Session storage lives as long as the browser does, across service-worker restarts: unset, this
 * is the first worker since the browser started (or the extension was reloaded).
 */
const unansweredShownItem = storage.defineItem<boolean>('session:unansweredRemindersShown', {
  fallback: false,
});

/**
 * A browser restart takes the notifications on screen with it: the reminders the agent had not
 * acted on are shown again (their history already says they fired, once). Not through
 * runtime.onStartup, which an extension loaded at start-up (unpacked, or just updated) misses.
 */
async function showUnansweredOncePerBrowserSession(): Promise<void> {
  if (await unansweredShownItem.getValue()) return;
  await unansweredShownItem.setValue(true);
  const tasks = await takeUnansweredReminders(openBackgroundDb(), {
    agentId: await currentAgentId(),
  });
  if (tasks.length > 0) await showReminders(tasks, new Date());
}

async function showDueCallBadge(now: Date): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  const count = await dueCallCount(openBackgroundDb(), now, { agentId: await currentAgentId() });
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
}

function logFailure(what: string) {
  return (error: unknown) => console.error(`[wrapup] ${what}`, error);
}

/** armNextReminder for event listeners: never throws, logs what failed. */
export function rearmReminders(): void {
  armNextReminder().catch(logFailure('arming reminders'));
}

/**
 * Shows every reminder that is due and not yet shown, then sets the one wake-up alarm for the
 * next reminder (or clears it) and refreshes the toolbar badge. Everything is read from the
 * store, so it is safe to call at any time and as often as wanted: at install and start-up,
 * whenever the service worker starts, after every local or synced change, and on the alarm.
 */
export async function armNextReminder(now: () => Date = () => new Date()): Promise<void> {
  const allShown = await showDueReminders(now());
  const next = await nextReminderAt(openBackgroundDb(), now(), {
    agentId: await currentAgentId(),
  });
  if (next === null) await browser.alarms.clear(REMINDER_ALARM);
  else {
    // A refused reminder is due already: try again shortly, not in a tight loop.
    const when = allShown ? Date.parse(next) : now().getTime() + RETRY_AFTER_MS;
    await browser.alarms.create(REMINDER_ALARM, { when });
  }
  await showDueCallBadge(now());
}

/**
 * A notification click is a user gesture in Chrome, so the panel may be opened, but only before
 * any await; the request left in storage tells the panel which task to show. Firefox opens its
 * sidebar only from extension UI, so there the request waits for the agent to open it.
 */
function openTaskFromNotification(taskId: Id | null): void {
  openSidePanelOnClick({ windowId: browser.windows.WINDOW_ID_CURRENT }).catch(
    logFailure('opening the side panel from a reminder'),
  );
  requestOpenTask(taskId, new Date()).catch(logFailure('recording the task to open'));
}

/**
 * Call now: through the agent's open softphone when its profile can dial, else a `tel:` link for
 * the system's phone handler; with no number, the task opens so the agent can find one.
 */
async function callNow(taskId: Id): Promise<void> {
  const task = await openBackgroundDb().tasks.get(taskId);
  const number = task?.call?.number;
  if (!number) {
    await requestOpenTask(taskId, new Date());
    return;
  }
  if (await dialOnOpenSoftphone(number)) return;
  await browser.tabs.create({ url: `tel:${encodeURIComponent(number)}` });
}

/**
 * Moves a task's reminder `minutes` from now, records it, closes its notification and re-arms.
 * Returns the new reminder time, or null when the task is gone or no longer scheduled.
 */
export async function snoozeTaskReminder(taskId: Id, minutes: number): Promise<string | null> {
  const db = openBackgroundDb();
  const agentId = await currentAgentId();
  const snoozed = await snoozeReminder(db, taskId, minutes, { actorId: agentId, now: new Date() });
  await browser.notifications.clear(reminderNotificationId(taskId));
  await armNextReminder();
  return snoozed?.remindAt ?? null;
}

async function snoozeFromNotification(taskId: Id): Promise<void> {
  const { defaultReminderLeadMinutes } = await loadSettings(openBackgroundDb());
  await snoozeTaskReminder(taskId, defaultReminderLeadMinutes);
}

async function ensureSweepAlarm(): Promise<void> {
  // Creating it again would push its next ring back by a period on every worker start.
  if (await browser.alarms.get(REMINDER_SWEEP_ALARM)) return;
  await browser.alarms.create(REMINDER_SWEEP_ALARM, { periodInMinutes: SWEEP_PERIOD_MINUTES });
}

/**
 * Re-arms after task writes from any context of the extension (side panel edits, synced changes)
 * while the worker runs, with no message needed. Returns the function that stops it.
 */
export function rearmOnTaskWrites(): () => void {
  return watchTaskWrites(openBackgroundDb().name, rearmReminders);
}

/** Registers the reminder listeners; call synchronously from the background's main. */
export function registerReminders(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM || alarm.name === REMINDER_SWEEP_ALARM) rearmReminders();
  });
  ensureSweepAlarm().catch(logFailure('setting the reminder backstop'));

  showUnansweredOncePerBrowserSession()
    .catch(logFailure('showing unanswered reminders again'))
    .finally(rearmReminders);

  const answered = (notificationId: string) =>
    forgetOnScreen(openBackgroundDb(), notificationId).catch(logFailure('forgetting a reminder'));

  browser.notifications.onClicked.addListener((notificationId) => {
    const target = reminderTarget(notificationId);
    if (!target) return;
    openTaskFromNotification(target.taskId);
    answered(notificationId);
    browser.notifications.clear(notificationId).catch(logFailure('closing a reminder'));
  });

  browser.notifications.onButtonClicked?.addListener((notificationId, buttonIndex) => {
    const target = reminderTarget(notificationId);
    if (!target?.taskId) return;
    const taskId = target.taskId;
    answered(notificationId);
    const action =
      buttonIndex === 0
        ? callNow(taskId).then(() => browser.notifications.clear(notificationId))
        : snoozeFromNotification(taskId);
    action.catch(logFailure('acting on a reminder'));
  });

  browser.notifications.onClosed.addListener((notificationId, byUser) => {
    const target = reminderTarget(notificationId);
    if (!byUser || !target) return;
    answered(notificationId);
    if (!target.taskId) return;
    const taskId = target.taskId;
    currentAgentId()
      .then((agentId) =>
        dismissReminder(openBackgroundDb(), taskId, { actorId: agentId, now: new Date() }),
      )
      .catch(logFailure('recording a dismissed reminder'));
  });
}
