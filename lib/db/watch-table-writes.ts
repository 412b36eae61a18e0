import { Dexie, type ObservabilitySet } from 'dexie';

/**
 * Calls `onWrite` (once per burst, after `quietMs`) whenever `table` is written in the database
 * named `dbName`, by this context or any other of the extension: Dexie tells every context of
 * the origin about each committed write through a BroadcastChannel. Returns the function that
 * stops watching.
 */
export function watchTableWrites(
  dbName: string,
  table: string,
  onWrite: () => void,
  quietMs = 200,
): () => void {
  const tablePart = `idb://${dbName}/${table}/`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((part) => part.startsWith(tablePart))) return;
    clearTimeout(timer);
    timer = setTimeout(onWrite, quietMs);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(listener);
  };
}
