import { signal } from '@preact/signals';
import type { Id } from '../domain/ids';
import type { DraftStore } from './draft-store';

const KEY = 'logged-calls';

/**
 * The call logs earlier versions marked as saved in the panel's storage, before a saved log
 * carried `loggedAt` itself: still honoured, so an agent's "to log" queue does not refill with
 * logs they saved before the update. Nothing adds to them any more.
 */
export function createLoggedCalls(store: DraftStore) {
  const ids = signal<ReadonlySet<Id>>(new Set());
  const ready = store.load(KEY).then((stored) => {
    if (Array.isArray(stored)) {
      ids.value = new Set(stored.filter((id): id is Id => typeof id === 'string'));
    }
  });
  return { ids, ready };
}
