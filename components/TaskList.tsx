import { useRef } from 'preact/hooks';
import { formatDateTime, formatDuration, formatTaskNumber } from '../lib/i18n/format';
import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';

/** The agent's tasks, newest first; arrow keys move between rows, Enter opens one. */
export function TaskList() {
  const state = useAppState();
  const listRef = useRef<HTMLUListElement>(null);
  const tasks = state.tasks.value;

  if (state.tasksError.value) {
    return (
      <p role="alert" class="error">
        {state.tasksError.value.message}
      </p>
    );
  }
  if (tasks === undefined) return <p aria-busy="true">{t('loading')}</p>;

  const moveFocus = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const rows = [
      ...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.task-row') ?? []),
    ];
    const index = rows.indexOf(document.activeElement as HTMLButtonElement);
    const next = rows[event.key === 'ArrowDown' ? index + 1 : Math.max(index - 1, 0)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <section aria-labelledby="my-tasks-heading">
      <h2 id="my-tasks-heading">{t('myTasks')}</h2>
      {tasks.length === 0 ? (
        <p class="empty">{t('noTasks')}</p>
      ) : (
        <ul class="task-list" ref={listRef} onKeyDown={moveFocus} data-testid="task-list">
          {tasks.map((task) => (
            <li key={task.id}>
              <button
                type="button"
                class="task-row"
                data-task-id={task.id}
                onClick={() => state.open(task.id)}
              >
                <span class="task-number">{formatTaskNumber(task.number)}</span>
                <span class="task-kind">{t(`kind_${task.kind}`)}</span>
                <span class="task-subject">{task.subject}</span>
                {task.call && (
                  <span class="task-meta">
                    <span data-field="number">{task.call.number ?? t('none')}</span>
                    <span>{formatDateTime(task.call.startedAt)}</span>
                    <span>{formatDuration(task.call.durationSeconds)}</span>
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
