import { browser } from 'wxt/browser';
import type { Message } from '../../lib/messages/protocol';
import type { SnoozeChoiceMinutes } from '../../lib/reminders/snooze-choices';
import { watchTaskWrites } from '../../lib/reminders/watch-task-writes';

/**
 * The background notices task writes by itself while its service worker runs, but a stopped
 * worker hears nothing. Call this once when the panel starts: after each burst of task writes
 * (the agent's edits, synced changes) it tells the background, which wakes and re-arms the
 * reminder alarm. Returns the function that stops it.
 */
export function startReminderSync(dbName = 'wrapup'): () => void {
  return watchTaskWrites(dbName, () => {
    const message: Message<'reminders/changed'> = { type: 'reminders/changed' };
    browser.runtime
      .sendMessage(message)
      .catch((error: unknown) => console.warn('[wrapup] could not re-arm reminders', error));
  });
}

/**
 * Snoozes a task's reminder by one of the offered lengths (SNOOZE_CHOICES_MINUTES). The
 * background moves the reminder, records it in the task's history and re-arms.
 */
export async function snoozeReminderFor(taskId: string, minutes: SnoozeChoiceMinutes) {
  const message: Message<'reminders/snooze'> = { type: 'reminders/snooze', taskId, minutes };
  const reply = (await browser.runtime.sendMessage(message)) as
    | { ok: true; remindAt: string | null }
    | { ok: false; error: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.remindAt;
}
