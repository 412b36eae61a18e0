import { useEffect } from 'preact/hooks';
import type { TaskKind } from '../lib/domain/task-kind';
import { t } from '../lib/i18n/translate';
import { LIST_FILTERS, LIST_SORTS, type TaskSort } from '../lib/state/list-options';
import { LIST_KINDS } from '../lib/state/task-kinds';
import { useAppState } from './app-context';
import { ServerSearchMore } from './ServerSearchMore';
import { useOptionalServerSearch } from './server-search-context';
import { ToLogQueue } from './ToLogQueue';
import { VirtualTaskList } from './VirtualTaskList';

/** Quick filters over the agent's own tasks (R22). */
function TaskFilters() {
  const state = useAppState();
  return (
    <div class="filters" role="toolbar" aria-label={t('taskFilters')}>
      {LIST_FILTERS.map((filter) => (
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

function SortPicker() {
  const state = useAppState();
  return (
    <label class="sort">
      <span>{t('sortLabel')}</span>
      <select
        name="sort"
        value={state.sort.value}
        onChange={(event) => {
          state.sort.value = event.currentTarget.value as TaskSort | 'default';
        }}
      >
        <option value="default">{t('sort_default')}</option>
        {LIST_SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(`sort_${sort}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Narrows the list to one kind of task, searching too. */
function KindPicker() {
  const state = useAppState();
  return (
    <label class="sort">
      <span>{t('kindFilterLabel')}</span>
      <select
        name="kind-filter"
        value={state.kind.value}
        onChange={(event) => {
          state.kind.value = event.currentTarget.value as TaskKind | 'all';
        }}
      >
        <option value="all">{t('allKinds')}</option>
        {LIST_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kind_${kind}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Customers whose name, phone, email or CRM id match the search, each opening its record. */
function CustomerMatches() {
  const state = useAppState();
  const customers = state.customerMatches.value ?? [];
  if (customers.length === 0) return null;
  return (
    <section class="customer-matches" aria-labelledby="customer-matches-heading">
      <h3 id="customer-matches-heading">{t('customerMatches')}</h3>
      <ul data-testid="customer-matches">
        {customers.map((customer) => (
          <li key={customer.id}>
            <button
              type="button"
              class="link-button"
              onClick={() => state.openCustomer(customer.id)}
            >
              {customer.name}
            </button>{' '}
            <span class="hint">
              {[...customer.phones, ...customer.emails].slice(0, 2).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The agent's tasks, or search results as they type (R21); arrows move, Enter opens. */
export function TaskList() {
  const state = useAppState();
  const result = state.list.value;
  const ready = result !== undefined || state.listError.value !== null;
  useEffect(() => {
    if (ready) state.screenShown();
  }, [ready]);
  useEffect(() => {
    // "/" jumps to the search box, as in the tools agents already use.
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select')) return;
      event.preventDefault();
      document.querySelector<HTMLInputElement>('input[name="search"]')?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  const searching = state.query.value.trim() !== '';
  const server = useOptionalServerSearch();
  const tasks = searching && server ? server.results.value : result?.tasks;

  return (
    <section class="task-list-screen" aria-labelledby="my-tasks-heading">
      <ToLogQueue />
      <div class="list-heading">
        <h2 id="my-tasks-heading">{t('myTasks')}</h2>
        <div class="list-controls">
          <KindPicker />
          <SortPicker />
        </div>
      </div>
      <label class="search">
        <span class="visually-hidden">{t('searchLabel')}</span>
        <input
          type="search"
          name="search"
          aria-keyshortcuts="/"
          placeholder={t('searchPlaceholder')}
          value={state.query.value}
          onInput={(event) => {
            state.query.value = event.currentTarget.value;
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              document
                .querySelector<HTMLButtonElement>('[data-testid="task-list"] button.task-row')
                ?.focus();
            }
          }}
        />
      </label>
      {searching ? <CustomerMatches /> : <TaskFilters />}
      {!state.online.value && (
        <p class="hint" data-testid="list-offline">
          {t('listOffline')}
        </p>
      )}
      {state.listError.value ? (
        <p role="alert" class="error">
          {t('listFailed', { reason: state.listError.value.message })}
        </p>
      ) : result === undefined ? (
        <p aria-busy="true" data-testid="list-loading">
          {t('loading')}
        </p>
      ) : (
        <>
          {!result.complete && <p class="hint">{t('searchIndexCatchingUp')}</p>}
          {tasks === undefined || tasks.length === 0 ? (
            <p class="empty">
              {searching
                ? t('noMatches')
                : state.filter.value === 'open' && state.kind.value === 'all'
                  ? t('noTasks')
                  : t('noTasksInFilter')}
            </p>
          ) : (
            <VirtualTaskList
              tasks={tasks}
              label={t('myTasks')}
              testId="task-list"
              fromServer={server ? (task) => server.isFromServer(task.id) : undefined}
              onOpen={(task) =>
                server?.isFromServer(task.id) ? void server.openResult(task) : state.open(task.id)
              }
            />
          )}
          {searching && <ServerSearchMore />}
        </>
      )}
    </section>
  );
}
