import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { showCallLoggedNotification } from '../../../entrypoints/background/call-logged-notification';
import { openBackgroundDb } from '../../../entrypoints/background/database';
import {
  armNextReminder,
  REMINDER_ALARM,
  registerReminders,
} from '../../../entrypoints/background/reminders';
import { writeOperation } from '../../../lib/db/write-operation';
import {
  DEFAULT_AGENT_PREFERENCES,
  loadAgentPreferences,
  saveAgentPreferences,
} from '../../../lib/preferences/agent-preferences';
import { AGENT, makeTask } from '../db/fixtures';

const db = openBackgroundDb();

async function ringReminderAlarm() {
  const alarm = await fakeBrowser.alarms.get(REMINDER_ALARM);
  if (!alarm) throw new Error('no reminder alarm is armed');
  vi.setSystemTime(alarm.scheduledTime);
  await fakeBrowser.alarms.onAlarm.trigger(alarm);
  await vi.waitFor(async () =>
    expect((await db.history.toArray()).map((entry) => entry.event.type)).toContain(
      'reminder_fired',
    ),
  );
}

describe("the agent's own notification preferences", () => {
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
  });

  it('are all on by default, and what does not parse reads as the defaults', async () => {
    expect(await loadAgentPreferences()).toEqual(DEFAULT_AGENT_PREFERENCES);
    await fakeBrowser.storage.local.set({ agentPreferences: { reminderLeadMinutes: -3 } });
    expect(await loadAgentPreferences()).toEqual(DEFAULT_AGENT_PREFERENCES);
    const mine = {
      reminderLeadMinutes: 10,
      reminderNotifications: false,
      callLogNotifications: true,
    };
    await saveAgentPreferences(mine);
    expect(await loadAgentPreferences()).toEqual(mine);
  });

  it('R11: with reminder notifications off, a due reminder is recorded but not popped up', async () => {
    await saveAgentPreferences({ ...DEFAULT_AGENT_PREFERENCES, reminderNotifications: false });
    await writeOperation(db, {
      tasks: [
        makeTask(1, {
          scheduledAt: '2026-11-28T10:05:00.000Z',
          remindAt: '2026-11-28T10:00:00.000Z',
        }),
      ],
    });
    await armNextReminder();
    await ringReminderAlarm();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('R11: with them on, the same reminder pops up', async () => {
    await writeOperation(db, {
      tasks: [
        makeTask(1, {
          scheduledAt: '2026-11-28T10:05:00.000Z',
          remindAt: '2026-11-28T10:00:00.000Z',
        }),
      ],
    });
    await armNextReminder();
    await ringReminderAlarm();
    await vi.waitFor(async () =>
      expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1),
    );
  });

  it('R1: with call-log notifications off, a logged call shows none', async () => {
    const task = { id: makeTask(2).id, subject: 'Call with Ada' };
    await saveAgentPreferences({ ...DEFAULT_AGENT_PREFERENCES, callLogNotifications: false });
    await showCallLoggedNotification(task, 3);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    await saveAgentPreferences(DEFAULT_AGENT_PREFERENCES);
    await showCallLoggedNotification(task, 3);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);
  });
});
