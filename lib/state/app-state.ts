import { computed, signal } from '@preact/signals';
import type { WrapupDb } from '../db/database';
import { historyOf } from '../db/queries/history-of';
import { type MyTasksFilter, myTasks } from '../db/queries/my-tasks';
import { searchTasks } from '../db/queries/search-tasks';
import { catchUpSearchIndex } from '../db/search-indexer';
import { saveTaskEdit } from '../db/task-commands';
import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';
import type { TaskChanges } from '../domain/task-draft';
import { liveQuerySignal } from './live-query-signal';
import { createSoftphoneAccessState, type SoftphoneAccess } from './softphone-access';

export interface AppStateDeps {
  db: WrapupDb;
  agentId: Id;
  softphoneAccess: SoftphoneAccess;
  now?: () => Date;
}

export interface TaskListResult {
  tasks: Task[];
  /** False while the search index is catching up: results may still be missing tasks. */
  complete: boolean;
}

/**
 * The side panel's whole state and actions, built once per panel (and per test). Components read
 * these signals and call these actions; they never touch the store themselves.
 */
export function createAppState({
  db,
  agentId,
  softphoneAccess,
  now = () => new Date(),
}: AppStateDeps) {
  const softphones = createSoftphoneAccessState(softphoneAccess);
  const filter = signal<MyTasksFilter>('open');
  const query = signal('');
  const list = liveQuerySignal(
    () => ({ filter: filter.value, query: query.value.trim() }),
    async (input): Promise<TaskListResult> => {
      if (input.query) {
        const result = await searchTasks(db, input.query, {}, { limit: 200 });
        return { tasks: result.tasks, complete: result.indexComplete };
      }
      const tasks = await myTasks(db, agentId, { filter: input.filter, now: now() });
      return { tasks, complete: true };
    },
  );
  const openTaskId = signal<Id | null>(null);
  const openTaskQuery = liveQuerySignal(
    () => openTaskId.value,
    async (id) => (id ? ((await db.tasks.get(id)) ?? null) : null),
  );
  const history = liveQuerySignal(
    () => openTaskId.value,
    async (id) => (id ? historyOf(db, id) : []),
  );
  const openTask = computed<Task | null | undefined>(() =>
    openTaskId.value ? openTaskQuery.value.value : null,
  );

  return {
    agentId,
    softphones: softphones.softphones,
    allowSoftphone: softphones.allow,
    filter,
    query,
    list: list.value,
    listError: list.error,
    openTaskId,
    openTask,
    history: history.value,
    open(id: Id) {
      openTaskId.value = id;
    },
    close() {
      openTaskId.value = null;
    },
    /** Saves the agent's edits; throws ValidationError with per-field messages on bad input. */
    async save(id: Id, changes: TaskChanges): Promise<void> {
      await saveTaskEdit(db, id, changes, { actorId: agentId, now: now().toISOString() });
      void catchUpSearchIndex(db);
    },
    dispose() {
      list.dispose();
      openTaskQuery.dispose();
      history.dispose();
      softphones.dispose();
    },
  };
}

export type AppState = ReturnType<typeof createAppState>;
