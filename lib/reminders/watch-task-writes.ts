import { watchTableWrites } from '../db/watch-table-writes';

/**
 * Calls `onWrite` (once per burst, after `quietMs`) whenever tasks are written in the database
 * named `dbName` by any context of the extension: the side panel's edits and synced changes
 * while this context runs. Returns the function that stops watching.
 */
export function watchTaskWrites(dbName: string, onWrite: () => void, quietMs = 200): () => void {
  return watchTableWrites(dbName, 'tasks', onWrite, quietMs);
}
