import { describe, expect, it } from 'vitest';
import {
  PAST_DUE_GROUP_ID,
  reminderNotificationId,
  reminderNotifications,
  reminderTarget,
} from '../../../lib/reminders/reminder-notifications';
import { makeTask } from '../db/fixtures';

const now = new Date('2026-11-28T10:00:00.000Z');
const formatTime = (iso: string) => `at ${iso}`;

function due(n: number, remindAt: string) {
  const task = makeTask(n, {
    number: 40 + n,
    subject: `Call ${n}`,
    scheduledAt: '2026-11-28T10:05:00.000Z',
    remindAt,
  });
  return { task, customerName: `Customer ${n}` };
}

describe('reminder notifications', () => {
  it('R11: names the customer, subject, task number and scheduled time', () => {
    const [notification] = reminderNotifications([due(1, '2026-11-28T10:00:00.000Z')], now, {
      withButtons: true,
      formatTime,
    });
    expect(notification).toEqual({
      id: reminderNotificationId(makeTask(1).id),
      title: 'Scheduled call',
      message: 'Customer 1\nCall 1',
      contextMessage: '#41 · at 2026-11-28T10:05:00.000Z',
      buttons: [{ title: 'Call now' }, { title: 'Snooze' }],
      taskIds: [makeTask(1).id],
    });
  });

  it('has no buttons where the browser offers none (Firefox)', () => {
    const [notification] = reminderNotifications([due(1, '2026-11-28T10:00:00.000Z')], now, {
      withButtons: false,
      formatTime,
    });
    expect(notification?.buttons).toEqual([]);
  });

  it('keeps reminders due now apart from a group of more than 3 past-due ones', () => {
    const notifications = reminderNotifications(
      [
        due(1, '2026-11-28T06:00:00.000Z'),
        due(2, '2026-11-28T07:00:00.000Z'),
        due(3, '2026-11-28T08:00:00.000Z'),
        due(4, '2026-11-28T09:00:00.000Z'),
        due(5, '2026-11-28T09:59:30.000Z'),
      ],
      now,
      { withButtons: true, formatTime },
    );
    expect(notifications.map((notification) => notification.id)).toEqual([
      PAST_DUE_GROUP_ID,
      reminderNotificationId(makeTask(5).id),
    ]);
    expect(notifications[0]?.taskIds).toEqual([1, 2, 3, 4].map((n) => makeTask(n).id));
    expect(notifications[0]?.message.split('\n')).toEqual([
      'Customer 1: Call 1',
      'Customer 2: Call 2',
      'Customer 3: Call 3',
      'Customer 4: Call 4',
    ]);
  });

  it('reads back which task a notification is about, and ignores foreign ids', () => {
    const id = makeTask(7).id;
    expect(reminderTarget(reminderNotificationId(id))).toEqual({ taskId: id });
    expect(reminderTarget(PAST_DUE_GROUP_ID)).toEqual({ taskId: null });
    expect(reminderTarget('something-else')).toBeNull();
  });
});
