import { signal } from '@preact/signals';
import type { Id } from '../domain/ids';
import type { DraftStore } from './draft-store';

const KEY = 'logged-calls';
/** Older marks are dropped: a call logged this long ago is out of every queue anyway. */
const KEEP = 1000;

/**
 * The call logs the agent has saved from the form, kept in the panel's storage so the "to log"
 * queue survives reloads and restarts: a saved log may have changed nothing in the task itself.
 */
export function createLoggedCalls(store: DraftStore) {
  const ids = signal<ReadonlySet<Id>>(new Set());
  const ready = store.load(KEY).then((stored) => {
    if (Array.isArray(stored)) {
      ids.value = new Set([...stored.filter((id) => typeof id === 'string'), ...ids.value]);
    }
  });
  return {
    ids,
    ready,
    async mark(id: Id) {
      await ready;
      if (ids.value.has(id)) return;
      const next = [...ids.value, id].slice(-KEEP);
      ids.value = new Set(next);
      await store.save(KEY, next);
    },
  };
}
