import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import { DEFAULT_SEARCH_SORT, type TaskSort } from '../db/queries/task-sort';
import { errorMessage } from '../domain/error-message';
import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';
import { mergeServerResults } from './merge-server-results';

/** What the server search needs from the outside world; the side panel wires it. */
export interface ServerSearchApi {
  /** Whether the agent is signed in, so there is a server to ask. */
  signedIn: ReadonlySignal<boolean>;
  search(query: string): Promise<Task[]>;
  /**
   * Keeps a task found on the server in the local store, so it opens like any other, and in the
   * working set, so later syncs keep it current.
   */
  store(task: Task): Promise<void>;
}

export interface ServerSearchDeps {
  api: ServerSearchApi;
  /** The search box, as typed. */
  query: ReadonlySignal<string>;
  /** The local results on show for that query. */
  localTasks: ReadonlySignal<readonly Task[] | undefined>;
  /** The list's sort, which ordered the local results. */
  sort: ReadonlySignal<TaskSort | 'default'>;
  open: (id: Id) => void;
}

export type ServerSearchStatus = 'idle' | 'loading' | 'done' | 'error';

/**
 * Local search covers the tasks on this device (the working set); "Search the server too" asks
 * the server for the same words and merges in the tasks this device lacks, in the local results'
 * order, marked as from the server. A new query starts over.
 */
export function createServerSearch({ api, query, localTasks, sort, open }: ServerSearchDeps) {
  const status = signal<ServerSearchStatus>('idle');
  const found = signal<readonly Task[]>([]);
  const error = signal<string | null>(null);
  /** Why the last task picked from the server's matches could not be opened. */
  const openError = signal<string | null>(null);
  let askedFor = '';
  const text = computed(() => query.value.trim());
  const stopReset = effect(() => {
    if (text.value === askedFor) return;
    askedFor = '';
    status.value = 'idle';
    found.value = [];
    error.value = null;
    openError.value = null;
  });

  /** The server's matches this device does not hold, in the server's order. */
  const extra = computed<readonly Task[]>(() => {
    const local = new Set((localTasks.value ?? []).map((task) => task.id));
    return found.value.filter((task) => !local.has(task.id));
  });
  const extraIds = computed(() => new Set(extra.value.map((task) => task.id)));
  /** The local results with the server's matches merged in; undefined until the local ones. */
  const results = computed<readonly Task[] | undefined>(() => {
    const local = localTasks.value;
    if (!local || extra.value.length === 0) return local;
    const order = sort.value === 'default' ? DEFAULT_SEARCH_SORT : sort.value;
    return mergeServerResults(local, extra.value, order);
  });

  return {
    available: computed(() => api.signedIn.value && text.value !== ''),
    status,
    error,
    openError,
    extra,
    results,
    isFromServer: (id: Id) => extraIds.value.has(id),
    async fetch(): Promise<void> {
      const asked = text.value;
      if (!asked || status.value === 'loading') return;
      askedFor = asked;
      status.value = 'loading';
      error.value = null;
      try {
        const tasks = await api.search(asked);
        if (askedFor !== asked) return;
        found.value = tasks;
        status.value = 'done';
      } catch (caught) {
        if (askedFor !== asked) return;
        error.value = errorMessage(caught);
        status.value = 'error';
      }
    },
    /** Stores a task found on the server, then opens it. */
    async openResult(task: Task): Promise<void> {
      openError.value = null;
      try {
        await api.store(task);
        open(task.id);
      } catch (caught) {
        openError.value = errorMessage(caught);
      }
    },
    dispose: stopReset,
  };
}

export type ServerSearchState = ReturnType<typeof createServerSearch>;
