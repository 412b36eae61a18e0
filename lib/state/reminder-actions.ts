import type { Id } from '../domain/ids';
import type { SnoozeChoiceMinutes } from '../reminders/snooze-choices';

/** What the panel asks of the background's reminders; the entrypoint provides it. */
export interface ReminderActions {
  /** Moves the task's reminder that many minutes on; resolves to its new time. */
  snooze(taskId: Id, minutes: SnoozeChoiceMinutes): Promise<string | null>;
}
