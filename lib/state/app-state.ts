import { computed, signal } from '@preact/signals';
import type { WrapupDb } from '../db/database';
import { myTasks } from '../db/queries/my-tasks';
import { saveTaskEdit } from '../db/task-commands';
import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';
import type { TaskChanges } from '../domain/task-draft';
import { liveSignal } from './live-signal';
import { createSoftphoneAccessState, type SoftphoneAccess } from './softphone-access';

export interface AppStateDeps {
  db: WrapupDb;
  agentId: Id;
  softphoneAccess: SoftphoneAccess;
  now?: () => Date;
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
  const tasks = liveSignal(() => myTasks(db, agentId, { filter: 'all', sort: 'created_desc' }));
  const openTaskId = signal<Id | null>(null);
  const openTask = computed<Task | null | undefined>(() => {
    const id = openTaskId.value;
    if (!id) return null;
    const list = tasks.value.value;
    return list ? (list.find((task) => task.id === id) ?? null) : undefined;
  });

  return {
    agentId,
    softphones: softphones.softphones,
    allowSoftphone: softphones.allow,
    tasks: tasks.value,
    tasksError: tasks.error,
    openTaskId,
    openTask,
    open(id: Id) {
      openTaskId.value = id;
    },
    close() {
      openTaskId.value = null;
    },
    /** Saves the agent's edits; throws ValidationError with per-field messages on bad input. */
    async save(id: Id, changes: TaskChanges): Promise<void> {
      await saveTaskEdit(db, id, changes, { actorId: agentId, now: now().toISOString() });
    },
    dispose() {
      tasks.dispose();
      softphones.dispose();
    },
  };
}

export type AppState = ReturnType<typeof createAppState>;
