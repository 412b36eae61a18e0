import { formatDateTime } from '../lib/i18n/format';
import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';

/** Ended calls whose logs the agent has not saved yet; they stay here until saved. */
export function ToLogQueue() {
  const state = useAppState();
  const calls = state.toLog.value ?? [];
  if (calls.length === 0) return null;
  return (
    <section class="to-log" aria-labelledby="to-log-heading">
      <h2 id="to-log-heading">{t('toLogHeading', { count: calls.length })}</h2>
      <ul data-testid="to-log">
        {calls.map((task) => (
          <li key={task.id}>
            <button type="button" class="to-log-row" onClick={() => state.open(task.id)}>
              <span class="task-subject">{task.subject}</span>
              <span class="task-meta">
                {task.call?.number && <span>{task.call.number}</span>}
                <span>{formatDateTime(task.call?.endedAt ?? task.createdAt)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
