import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openBackgroundDb } from '../../../entrypoints/background/database';
import {
  handleReminderSnooze,
  handleRemindersChanged,
} from '../../../entrypoints/background/handlers/reminder-messages';
import {
  armNextReminder,
  REMINDER_ALARM,
  REMINDER_SWEEP_ALARM,
  rearmOnTaskWrites,
  registerReminders,
} from '../../../entrypoints/background/reminders';
import { openWrapupDb } from '../../../lib/db/database';
import { saveStatus, saveTaskEdit } from '../../../lib/db/task-commands';
import { writeOperation } from '../../../lib/db/write-operation';
import type { Task } from '../../../lib/domain/task';
import { openTaskRequestItem } from '../../../lib/messages/open-task-request';
import {
  PAST_DUE_GROUP_ID,
  reminderNotificationId,
} from '../../../lib/reminders/reminder-notifications';
import { AGENT, makeCustomer, makeTask, OTHER_AGENT } from '../db/fixtures';

const db = openBackgroundDb();
const PANEL_SENDER = {
  extensionId: 'wrapup',
  url: 'chrome-extension://wrapup/sidepanel.html',
  tabId: undefined,
  windowId: undefined,
  fromExtensionPage: true,
};

function scheduled(n: number, remindAt: string, overrides: Partial<Task> = {}): Task {
  const scheduledAt = new Date(Date.parse(remindAt) + 5 * 60_000).toISOString();
  return makeTask(n, { scheduledAt, remindAt, ...overrides });
}

async function alarmTime() {
  return (await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime;
}

/** The alarms a growing task count could multiply: all but the fixed backstop. */
async function reminderAlarms() {
  return (await fakeBrowser.alarms.getAll()).filter((alarm) => alarm.name !== REMINDER_SWEEP_ALARM);
}

async function shownIds() {
  return Object.keys(await fakeBrowser.notifications.getAll()).sort();
}

async function firedCount() {
  return (await db.history.toArray()).filter((entry) => entry.event.type === 'reminder_fired')
    .length;
}

/** What the browser does when the alarm rings: the time moves there and onAlarm fires. */
async function ringAlarm() {
  const when = await alarmTime();
  if (when === undefined) throw new Error('no reminder alarm is armed');
  vi.setSystemTime(when);
  await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: when });
  await vi.waitFor(async () => expect(await alarmTime()).not.toBe(when));
}

/** A service-worker (or browser) restart: in-memory state and listeners are gone, storage stays. */
async function restartBackground() {
  fakeBrowser.alarms.resetState();
  fakeBrowser.notifications.resetState();
  registerReminders();
  await armNextReminder();
}

/** A browser restart: every notification and the session storage are gone, the store stays. */
async function restartBrowser() {
  fakeBrowser.alarms.resetState();
  fakeBrowser.notifications.resetState();
  await fakeBrowser.storage.session.clear();
  registerReminders();
  await vi.waitFor(async () => expect(await alarmTime()).not.toBeUndefined());
}

describe('background reminders', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T09:00:00.000Z'));
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ agentId: AGENT });
    await Promise.all(db.tables.map((table) => table.clear()));
    registerReminders();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('R11: arms one alarm for the earliest reminder and shows reminders in order', async () => {
    const customer = makeCustomer(1, { name: 'Ada Lovelace' });
    await writeOperation(db, {
      customers: [customer],
      tasks: [
        scheduled(1, '2026-11-28T11:00:00.000Z', { subject: 'Renewal call' }),
        scheduled(2, '2026-11-28T10:00:00.000Z', {
          subject: 'Callback about the invoice',
          customerId: customer.id,
          call: { ...callDetails(), number: '+14155550134' },
        }),
      ],
    });
    await armNextReminder();
    expect(await reminderAlarms()).toHaveLength(1);
    expect(await alarmTime()).toBe(Date.parse('2026-11-28T10:00:00.000Z'));

    await ringAlarm();
    const shown = await fakeBrowser.notifications.getAll();
    const first = shown[reminderNotificationId(makeTask(2).id)];
    expect(Object.keys(shown)).toHaveLength(1);
    expect(first).toMatchObject({
      type: 'basic',
      title: 'Scheduled call',
      requireInteraction: true,
      buttons: [{ title: 'Call now' }, { title: 'Snooze' }],
    });
    expect(first?.message).toContain('Ada Lovelace · +14155550134');
    expect(first?.message).toContain('Callback about the invoice');
    expect(await alarmTime()).toBe(Date.parse('2026-11-28T11:00:00.000Z'));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    await ringAlarm();
    expect(await shownIds()).toEqual(
      [makeTask(1).id, makeTask(2).id].map(reminderNotificationId).sort(),
    );
    expect(await firedCount()).toBe(2);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('R11: re-arms after an edit moves the schedule earlier or later', async () => {
    const task = scheduled(1, '2026-11-28T12:00:00.000Z');
    await writeOperation(db, { tasks: [task] });
    await armNextReminder();
    await saveTaskEdit(
      db,
      task.id,
      { scheduledAt: '2026-11-28T09:30:00.000Z', reminderLeadMinutes: 10 },
      { actorId: AGENT, now: new Date().toISOString() },
    );
    await armNextReminder();
    expect(await alarmTime()).toBe(Date.parse('2026-11-28T09:20:00.000Z'));
    await saveTaskEdit(
      db,
      task.id,
      { status: 'completed' },
      { actorId: AGENT, now: new Date().toISOString() },
    );
    await armNextReminder();
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  it('snooze button: reminds again after the default lead, recorded in history', async () => {
    const task = scheduled(1, '2026-11-28T10:00:00.000Z');
    await writeOperation(db, { tasks: [task] });
    await armNextReminder();
    await ringAlarm();
    const id = reminderNotificationId(task.id);
    vi.setSystemTime(new Date('2026-11-28T10:02:00.000Z'));
    const expected = Date.parse('2026-11-28T10:07:00.000Z');
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    // Wall time runs on under the faked Date, so the snooze lands within a moment of +5 min.
    await vi.waitFor(async () => expect(await alarmTime()).toBeGreaterThanOrEqual(expected));
    expect(await alarmTime()).toBeLessThan(expected + 1_000);
    expect(await shownIds()).toEqual([]);
    const snoozes = (await db.history.toArray()).flatMap((entry) =>
      entry.event.type === 'reminder_snoozed' ? [Date.parse(entry.event.until)] : [],
    );
    expect(snoozes).toEqual([await alarmTime()]);
    await ringAlarm();
    expect(await shownIds()).toEqual([id]);
    expect(await firedCount()).toBe(2);
  });

  it('R11: a snooze picked in the side panel moves the reminder, closes it and re-arms', async () => {
    const task = scheduled(1, '2026-11-28T10:00:00.000Z');
    await writeOperation(db, { tasks: [task] });
    await armNextReminder();
    await ringAlarm();
    expect(await shownIds()).toEqual([reminderNotificationId(task.id)]);
    vi.setSystemTime(new Date('2026-11-28T10:01:00.000Z'));
    const reply = await handleReminderSnooze(
      { type: 'reminders/snooze', taskId: task.id, minutes: 60 },
      PANEL_SENDER,
    );
    const expected = Date.parse('2026-11-28T11:01:00.000Z');
    expect(reply).toEqual({ ok: true, remindAt: new Date(expected).toISOString() });
    expect(await shownIds()).toEqual([]);
    expect(await alarmTime()).toBe(expected);
    const snoozed = (await db.history.toArray()).filter(
      (entry) => entry.event.type === 'reminder_snoozed',
    );
    expect(snoozed).toHaveLength(1);
  });

  it('snoozing a task that is gone changes nothing and says so', async () => {
    const reply = await handleReminderSnooze(
      { type: 'reminders/snooze', taskId: makeTask(99).id, minutes: 5 },
      PANEL_SENDER,
    );
    expect(reply).toEqual({ ok: true, remindAt: null });
    expect(await db.history.count()).toBe(0);
  });

  it('R11: a task written by another context (the side panel) re-arms with no message', async () => {
    const stop = rearmOnTaskWrites();
    try {
      const panelDb = openWrapupDb();
      await writeOperation(panelDb, { tasks: [scheduled(1, '2026-11-28T09:40:00.000Z')] });
      await vi.waitFor(async () =>
        expect(await alarmTime()).toBe(Date.parse('2026-11-28T09:40:00.000Z')),
      );
      panelDb.close();
    } finally {
      stop();
    }
  });

  it('R11: the reminders/changed message re-arms a background that heard nothing', async () => {
    await writeOperation(db, { tasks: [scheduled(1, '2026-11-28T09:45:00.000Z')] });
    expect(await alarmTime()).toBeUndefined();
    await handleRemindersChanged({ type: 'reminders/changed' }, PANEL_SENDER);
    expect(await alarmTime()).toBe(Date.parse('2026-11-28T09:45:00.000Z'));
  });

  it('R11: a backstop alarm every minute re-arms for writes nobody announced', async () => {
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(REMINDER_SWEEP_ALARM))?.periodInMinutes).toBe(1),
    );
    const sweep = await fakeBrowser.alarms.get(REMINDER_SWEEP_ALARM);
    registerReminders();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await fakeBrowser.alarms.get(REMINDER_SWEEP_ALARM))?.scheduledTime).toBe(
      sweep?.scheduledTime,
    );
    await writeOperation(db, { tasks: [scheduled(1, '2026-11-28T09:50:00.000Z')] });
    await fakeBrowser.alarms.onAlarm.trigger({
      name: REMINDER_SWEEP_ALARM,
      scheduledTime: Date.now(),
      periodInMinutes: 1,
    });
    await vi.waitFor(async () =>
      expect(await alarmTime()).toBe(Date.parse('2026-11-28T09:50:00.000Z')),
    );
  });

  it('R11: Call now dials through an open softphone whose profile can, and brings it forward', async () => {
    const task = scheduled(1, '2026-11-28T08:59:00.000Z', {
      call: { ...callDetails(), number: '+14155550134' },
    });
    await writeOperation(db, { tasks: [task] });
    await armNextReminder();
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([
        { id: 7, windowId: 2 } as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number],
      ]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onButtonClicked.trigger(reminderNotificationId(task.id), 0);
    await vi.waitFor(() => expect(update).toHaveBeenCalledWith(7, { active: true }));
    expect(query).toHaveBeenCalledWith({
      url: ['http://127.0.0.1/demo/*', 'http://localhost/demo/*'],
    });
    expect(send).toHaveBeenCalledWith(7, { type: 'softphone/dial', number: '+14155550134' });
    expect(create).not.toHaveBeenCalled();
  });

  it('R11: Call now falls back to a tel: link when no open softphone can dial', async () => {
    const task = scheduled(1, '2026-11-28T08:59:00.000Z', {
      call: { ...callDetails(), number: '+14155550134' },
    });
    await writeOperation(db, { tasks: [task] });
    await armNextReminder();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await fakeBrowser.notifications.onButtonClicked.trigger(reminderNotificationId(task.id), 0);
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'tel:%2B14155550134' }));
  });

  it('R11: a reminder the browser refuses to show is given back and shown at the next wake-up', async () => {
    const task = scheduled(1, '2026-11-28T08:59:00.000Z');
    await writeOperation(db, { tasks: [task] });
    const create = vi
      .spyOn(fakeBrowser.notifications, 'create')
      .mockRejectedValue(new Error('notifications are not ready'));
    const before = Date.now();
    await armNextReminder();
    expect(create).toHaveBeenCalledTimes(3);
    expect(await shownIds()).toEqual([]);
    expect(await alarmTime()).toBeGreaterThanOrEqual(before + 30_000);
    expect(await alarmTime()).toBeLessThanOrEqual(Date.now() + 30_000);
    create.mockRestore();
    await ringAlarm();
    expect(await shownIds()).toEqual([reminderNotificationId(task.id)]);
  }, 10_000);

  it('never shows a reminder twice, whatever wakes the background', async () => {
    await writeOperation(db, { tasks: [scheduled(1, '2026-11-28T08:59:00.000Z')] });
    await Promise.all([armNextReminder(), armNextReminder(), armNextReminder()]);
    expect(await firedCount()).toBe(1);
    await fakeBrowser.notifications.clear(reminderNotificationId(makeTask(1).id));
    await restartBackground();
    await armNextReminder();
    expect(await shownIds()).toEqual([]);
    expect(await firedCount()).toBe(1);
  });

  it('shows reminders that fell due while the browser was closed as past-due, grouped above 3', async () => {
    await writeOperation(db, {
      tasks: [
        ...[1, 2, 3, 4, 5].map((n) => scheduled(n, `2026-11-28T0${n}:00:00.000Z`)),
        scheduled(6, '2026-11-28T10:00:00.000Z'),
      ],
    });
    await restartBackground();
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([PAST_DUE_GROUP_ID]);
    expect(shown[PAST_DUE_GROUP_ID]?.title).toBe('5 past-due scheduled calls');
    expect(await firedCount()).toBe(5);
    expect(await alarmTime()).toBe(Date.parse('2026-11-28T10:00:00.000Z'));
    await restartBackground();
    expect(await shownIds()).toEqual([]);
  });

  it('shows up to 3 past-due reminders one by one, marked past due', async () => {
    await writeOperation(db, {
      tasks: [scheduled(1, '2026-11-28T07:00:00.000Z'), scheduled(2, '2026-11-28T08:00:00.000Z')],
    });
    await restartBackground();
    const shown = Object.values(await fakeBrowser.notifications.getAll());
    expect(shown.map((notification) => notification.title)).toEqual([
      'Past due: scheduled call',
      'Past due: scheduled call',
    ]);
  });

  it('a click on a reminder asks the side panel to open that task', async () => {
    const task = scheduled(1, '2026-11-28T08:59:00.000Z');
    await writeOperation(db, { tasks: [task] });
    await armNextReminder();
    await fakeBrowser.notifications.onClicked.trigger(reminderNotificationId(task.id));
    await vi.waitFor(async () =>
      expect((await openTaskRequestItem.getValue())?.taskId).toBe(task.id),
    );
  });

  it('closing a reminder records reminder_dismissed', async () => {
    const task = scheduled(1, '2026-11-28T08:59:00.000Z');
    await writeOperation(db, { tasks: [task] });
    await armNextReminder();
    await fakeBrowser.notifications.onClosed.trigger(reminderNotificationId(task.id), true);
    await vi.waitFor(async () => {
      const events = (await db.history.toArray()).map((entry) => entry.event.type);
      expect(events).toContain('reminder_dismissed');
    });
  });

  it('R11: a reminder left on screen comes back after a browser restart, fired once', async () => {
    const task = scheduled(1, '2026-11-28T08:59:00.000Z');
    await writeOperation(db, { tasks: [task, scheduled(2, '2026-11-28T11:00:00.000Z')] });
    await armNextReminder();
    expect(await shownIds()).toEqual([reminderNotificationId(task.id)]);
    await restartBrowser();
    await vi.waitFor(async () =>
      expect(await shownIds()).toEqual([reminderNotificationId(task.id)]),
    );
    await restartBrowser();
    await vi.waitFor(async () =>
      expect(await shownIds()).toEqual([reminderNotificationId(task.id)]),
    );
    expect(await firedCount()).toBe(1);
  });

  it('R11: a reminder clicked, closed, called or done before the restart stays away', async () => {
    const tasks = [1, 2, 3, 4].map((n) => scheduled(n, '2026-11-28T08:59:00.000Z'));
    await writeOperation(db, { tasks: [...tasks, scheduled(5, '2026-11-28T11:00:00.000Z')] });
    await armNextReminder();
    const [clicked, closed, called] = tasks.map((task) => reminderNotificationId(task.id));
    await fakeBrowser.notifications.onClicked.trigger(clicked as string);
    await fakeBrowser.notifications.onClosed.trigger(closed as string, true);
    await fakeBrowser.notifications.onButtonClicked.trigger(called as string, 0);
    await saveStatus(db, (tasks[3] as Task).id, 'completed', {
      actorId: AGENT,
      now: new Date().toISOString(),
    });
    await vi.waitFor(async () =>
      expect((await db.meta.where('key').startsWith('reminder-on-screen:').count()) <= 1).toBe(
        true,
      ),
    );
    await restartBrowser();
    expect(await shownIds()).toEqual([]);
  });

  it('R11: a past-due group left on screen comes back without the calls done since', async () => {
    const tasks = [1, 2, 3, 4, 5].map((n) => scheduled(n, `2026-11-28T0${n}:00:00.000Z`));
    await writeOperation(db, { tasks: [...tasks, scheduled(6, '2026-11-28T12:00:00.000Z')] });
    await restartBackground();
    expect(await shownIds()).toEqual([PAST_DUE_GROUP_ID]);
    for (const task of tasks.slice(0, 2)) {
      await saveStatus(db, task.id, 'completed', { actorId: AGENT, now: new Date().toISOString() });
    }
    await restartBrowser();
    await vi.waitFor(async () =>
      expect(await shownIds()).toEqual(
        tasks
          .slice(2)
          .map((task) => reminderNotificationId(task.id))
          .sort(),
      ),
    );
    expect(await firedCount()).toBe(5);
  });

  it('keeps one alarm for 10,000 scheduled calls, colleagues’ ones in between, and arms fast', async () => {
    const base = Date.parse('2026-11-28T09:01:00.000Z');
    const tasks = Array.from({ length: 10_000 }, (_, i) =>
      scheduled(i + 1, new Date(base + i * 60_000).toISOString(), {
        assigneeId: i < 2_000 ? OTHER_AGENT : AGENT,
      }),
    );
    await writeOperation(db, { tasks });
    const started = performance.now();
    await armNextReminder();
    const elapsed = performance.now() - started;
    expect(await reminderAlarms()).toHaveLength(1);
    expect(await alarmTime()).toBe(base + 2_000 * 60_000);
    expect(elapsed).toBeLessThan(2_000);
  }, 60_000);
});

function callDetails() {
  return {
    number: null,
    callerName: null,
    direction: 'outbound' as const,
    queue: null,
    campaign: null,
    startedAt: null,
    connectedAt: null,
    endedAt: null,
    durationSeconds: null,
  };
}
