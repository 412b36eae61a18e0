import type { MessageHandler } from '../../../lib/messages/dispatch';
import { armNextReminder, snoozeTaskReminder } from '../reminders';

/** The side panel wrote tasks: the next reminder may have moved. */
export const handleRemindersChanged: MessageHandler<'reminders/changed'> = async () => {
  await armNextReminder();
  return { ok: true };
};

/** The agent picked a snooze length in the side panel (5, 10, 15 minutes or an hour). */
export const handleReminderSnooze: MessageHandler<'reminders/snooze'> = async (message) => {
  const remindAt = await snoozeTaskReminder(message.taskId, message.minutes);
  return { ok: true, remindAt };
};
