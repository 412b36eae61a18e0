import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SyncState } from '../lib/state/sync-state';

export const SyncContext = createContext<SyncState | null>(null);

/** The sync state, or null until the page has started it (and in tests that leave it out). */
export function useOptionalSyncState(): SyncState | null {
  return useContext(SyncContext);
}
