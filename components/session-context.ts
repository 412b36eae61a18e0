import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SessionState } from '../lib/state/session-state';

export const SessionContext = createContext<SessionState | null>(null);

/** The account state, or null where the page offers no sign-in (as in component tests). */
export function useOptionalSessionState(): SessionState | null {
  return useContext(SessionContext);
}
