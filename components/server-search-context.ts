import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ServerSearchState } from '../lib/state/server-search';

export const ServerSearchContext = createContext<ServerSearchState | null>(null);

/** The server search, or null until the panel has started it (and in tests that leave it out). */
export function useOptionalServerSearch(): ServerSearchState | null {
  return useContext(ServerSearchContext);
}
