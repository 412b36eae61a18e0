import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { saveTaskEdit } from '../../../lib/db/task-commands';
import { writeOperation } from '../../../lib/db/write-operation';
import { dismissReminder } from '../../../lib/reminders/dismiss-reminder';
import { fireDueReminders } from '../../../lib/reminders/fire-reminders';
import { dueCallCount, dueReminders, nextReminderAt } from '../../../lib/reminders/next-reminder';
import { snoozeReminder } from '../../../lib/reminders/snooze-reminder';
import { AGENT, freshDb, makeTask, OTHER_AGENT } from '../db/fixtures';

const scope = { agentId: AGENT, actorId: AGENT };
const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-28T09:00:00.000Z');

function scheduled(n: number, remindAt: string, overrides = {}) {
  const scheduledAt = new Date(Date.parse(remindAt) + 5 * 60_000).toISOString();
  return makeTask(n, { scheduledAt, remindAt, ...overrides });
}

async function historyTypes(db: WrapupDb, taskId: string) {
  const entries = await db.history
    .where('[taskId+at]')
    .between([taskId, ''], [taskId, '\uffff'])
    .toArray();
  return entries.map((entry) => entry.event.type);
}

describe('reminders in the store', () => {
  let db: WrapupDb;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('R11: the next reminder is the earliest live one of the agent, whatever the write order', async () => {
    await writeOperation(db, {
      tasks: [
        scheduled(1, '2026-11-28T12:00:00.000Z'),
        scheduled(2, '2026-11-28T10:00:00.000Z', { deletedAt: '2026-11-28T08:00:00.000Z' }),
        scheduled(3, '2026-11-28T10:30:00.000Z', { status: 'completed' }),
        scheduled(4, '2026-11-28T10:40:00.000Z', { status: 'cancelled' }),
        scheduled(5, '2026-11-28T10:50:00.000Z', { assigneeId: OTHER_AGENT }),
        scheduled(6, '2026-11-28T11:00:00.000Z'),
        scheduled(7, '2026-11-28T11:30:00.000Z', { assigneeId: null }),
        makeTask(8),
      ],
    });
    expect(await nextReminderAt(db, NOW, scope)).toBe('2026-11-28T11:00:00.000Z');
    const due = await dueReminders(db, at('2026-11-28T11:45:00.000Z'), scope);
    expect(due.map((task) => task.subject)).toEqual(['Task 6', 'Task 7']);
  });

  it('R11: firing records reminder_fired once, and the next reminder moves on', async () => {
    const first = scheduled(1, '2026-11-28T10:00:00.000Z');
    await writeOperation(db, { tasks: [first, scheduled(2, '2026-11-28T11:00:00.000Z')] });
    const fired = await fireDueReminders(db, at('2026-11-28T10:00:00.000Z'), scope);
    expect(fired.map((task) => task.id)).toEqual([first.id]);
    expect(await historyTypes(db, first.id)).toEqual(['reminder_fired']);
    expect(await fireDueReminders(db, at('2026-11-28T10:30:00.000Z'), scope)).toEqual([]);
    expect(await historyTypes(db, first.id)).toEqual(['reminder_fired']);
    expect(await nextReminderAt(db, at('2026-11-28T10:30:00.000Z'), scope)).toBe(
      '2026-11-28T11:00:00.000Z',
    );
  });

  it('never claims one reminder twice when wake-ups race', async () => {
    await writeOperation(db, {
      tasks: [scheduled(1, '2026-11-28T10:00:00.000Z'), scheduled(2, '2026-11-28T10:01:00.000Z')],
    });
    const now = at('2026-11-28T10:05:00.000Z');
    const claims = await Promise.all([
      fireDueReminders(db, now, scope),
      fireDueReminders(db, now, scope),
      fireDueReminders(db, now, scope),
    ]);
    expect(claims.flat()).toHaveLength(2);
    expect(await db.history.count()).toBe(2);
  });

  it('R11: moving the schedule after a reminder fired makes the new reminder due again', async () => {
    const task = scheduled(1, '2026-11-28T10:00:00.000Z');
    await writeOperation(db, { tasks: [task] });
    await fireDueReminders(db, at('2026-11-28T10:00:00.000Z'), scope);
    await saveTaskEdit(
      db,
      task.id,
      { scheduledAt: '2026-11-28T15:00:00.000Z', reminderLeadMinutes: 10 },
      { actorId: AGENT, now: '2026-11-28T10:01:00.000Z' },
    );
    expect(await nextReminderAt(db, at('2026-11-28T10:01:00.000Z'), scope)).toBe(
      '2026-11-28T14:50:00.000Z',
    );
    const refired = await fireDueReminders(db, at('2026-11-28T14:50:00.000Z'), scope);
    expect(refired.map((fired) => fired.remindAt)).toEqual(['2026-11-28T14:50:00.000Z']);
  });

  it('snoozing moves the reminder, records reminder_snoozed and shows it again later', async () => {
    const task = scheduled(1, '2026-11-28T10:00:00.000Z');
    await writeOperation(db, { tasks: [task] });
    await fireDueReminders(db, at('2026-11-28T10:00:00.000Z'), scope);
    const snoozed = await snoozeReminder(db, task.id, 5, {
      actorId: AGENT,
      now: at('2026-11-28T10:02:00.000Z'),
    });
    expect(snoozed?.remindAt).toBe('2026-11-28T10:07:00.000Z');
    expect(snoozed?.version).toBe(task.version + 1);
    const entries = await db.history.toArray();
    expect(entries.map((entry) => entry.event)).toContainEqual({
      type: 'reminder_snoozed',
      until: '2026-11-28T10:07:00.000Z',
    });
    expect(await nextReminderAt(db, at('2026-11-28T10:02:00.000Z'), scope)).toBe(
      '2026-11-28T10:07:00.000Z',
    );
    expect(await fireDueReminders(db, at('2026-11-28T10:06:59.000Z'), scope)).toEqual([]);
    expect(await fireDueReminders(db, at('2026-11-28T10:07:00.000Z'), scope)).toHaveLength(1);
  });

  it('dismissing records reminder_dismissed', async () => {
    const task = scheduled(1, '2026-11-28T10:00:00.000Z');
    await writeOperation(db, { tasks: [task] });
    await dismissReminder(db, task.id, { actorId: AGENT, now: at('2026-11-28T10:01:00.000Z') });
    expect(await historyTypes(db, task.id)).toEqual(['reminder_dismissed']);
  });

  it('counts due and overdue calls for the badge, shown or not, until they are done', async () => {
    await writeOperation(db, {
      tasks: [
        scheduled(1, '2026-11-28T09:00:00.000Z'),
        scheduled(2, '2026-11-28T10:00:00.000Z'),
        scheduled(3, '2026-11-28T09:30:00.000Z', { status: 'completed' }),
        scheduled(4, '2026-11-28T12:00:00.000Z'),
      ],
    });
    const now = at('2026-11-28T10:00:00.000Z');
    await fireDueReminders(db, now, scope);
    expect(await dueCallCount(db, now, scope)).toBe(2);
  });

  it('finds the next of 10,000 scheduled reminders quickly, most of them already shown', async () => {
    const base = Date.parse('2026-11-28T00:00:00.000Z');
    const tasks = Array.from({ length: 10_000 }, (_, i) =>
      scheduled(i + 1, new Date(base + ((i * 7919) % 10_000) * 60_000).toISOString()),
    );
    await writeOperation(db, { tasks });
    const now = new Date(base + 5_000 * 60_000 - 1);
    expect(await fireDueReminders(db, now, scope)).toHaveLength(5_000);
    const started = performance.now();
    const next = await nextReminderAt(db, now, scope);
    const elapsed = performance.now() - started;
    expect(next).toBe(new Date(base + 5_000 * 60_000).toISOString());
    expect(elapsed).toBeLessThan(1_500);
  }, 120_000);
});
