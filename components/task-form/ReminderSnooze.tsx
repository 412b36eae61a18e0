import { useSignal } from '@preact/signals';
import type { Task } from '../../lib/domain/task';
import { formatDateTime } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/translate';
import { SNOOZE_CHOICES_MINUTES } from '../../lib/reminders/snooze-choices';
import { useAppState } from '../app-context';

/** The task's pending reminder (R11), and snoozing it by one of the offered lengths. */
export function ReminderSnooze({ task }: { task: Task }) {
  const state = useAppState();
  const error = useSignal<string | null>(null);
  if (task.remindAt === null || task.deletedAt !== null) return null;
  const allowed = state.canSnooze && state.can('edit', task);
  return (
    <div class="reminder">
      <span data-testid="reminder-at">
        {t('reminderAt', { time: formatDateTime(task.remindAt) })}
      </span>
      {allowed &&
        SNOOZE_CHOICES_MINUTES.map((minutes) => (
          <button
            key={minutes}
            type="button"
            onClick={() => {
              error.value = null;
              state.snoozeReminder(task.id, minutes).catch((cause: unknown) => {
                error.value = cause instanceof Error ? cause.message : String(cause);
              });
            }}
          >
            {t('snoozeFor', { minutes })}
          </button>
        ))}
      {error.value && (
        <span role="alert" class="error">
          {error.value}
        </span>
      )}
    </div>
  );
}
