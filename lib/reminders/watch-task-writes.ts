import { Dexie, type ObservabilitySet } from 'dexie';

/**
 * Calls `onWrite` (once per burst, after `quietMs`) whenever tasks are written in the database
 * named `dbName`, by this context or any other of the extension: Dexie tells every context of
 * the origin about each committed write through a BroadcastChannel. That covers the side panel's
 * edits and synced changes while this context runs; returns the function that stops watching.
 */
export function watchTaskWrites(dbName: string, onWrite: () => void, quietMs = 200): () => void {
  const tasksPart = `idb://${dbName}/tasks/`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((part) => part.startsWith(tasksPart))) return;
    clearTimeout(timer);
    timer = setTimeout(onWrite, quietMs);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(listener);
  };
}
