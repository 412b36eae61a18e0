import { useRef } from 'preact/hooks';
import { MY_TASKS_FILTERS } from '../lib/db/queries/my-tasks';
import { formatDateTime, formatDuration, formatTaskNumber } from '../lib/i18n/format';
import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';

/** Quick filters over the agent's own tasks (R22). */
function TaskFilters() {
  const state = useAppState();
  return (
    <div class="filters" role="toolbar" aria-label={t('taskFilters')}>
      {MY_TASKS_FILTERS.map((filter) => (
        <button
          key={filter}
          type="button"
          aria-pressed={state.filter.value === filter}
          class={state.filter.value === filter ? 'filter active' : 'filter'}
          onClick={() => {
            state.filter.value = filter;
          }}
        >
          {t(`filter_${filter}`)}
        </button>
      ))}
    </div>
  );
}

/** The agent's tasks, or search results as they type (R21); arrows move, Enter opens. */
export function TaskList() {
  const state = useAppState();
  const listRef = useRef<HTMLUListElement>(null);
  const result = state.list.value;
  const searching = state.query.value.trim() !== '';

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
      <label class="search">
        <span class="visually-hidden">{t('searchLabel')}</span>
        <input
          type="search"
          name="search"
          placeholder={t('searchPlaceholder')}
          value={state.query.value}
          onInput={(event) => {
            state.query.value = event.currentTarget.value;
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              listRef.current?.querySelector<HTMLButtonElement>('button.task-row')?.focus();
            }
          }}
        />
      </label>
      {!searching && <TaskFilters />}
      {state.listError.value ? (
        <p role="alert" class="error">
          {state.listError.value.message}
        </p>
      ) : result === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : (
        <>
          {!result.complete && <p class="hint">{t('searchIndexCatchingUp')}</p>}
          {result.tasks.length === 0 ? (
            <p class="empty">
              {searching
                ? t('noMatches')
                : state.filter.value === 'open'
                  ? t('noTasks')
                  : t('noTasksInFilter')}
            </p>
          ) : (
            <ul class="task-list" ref={listRef} onKeyDown={moveFocus} data-testid="task-list">
              {result.tasks.map((task) => (
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
                        {task.transactionCodes.length > 0 && (
                          <span>{task.transactionCodes.join(', ')}</span>
                        )}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
