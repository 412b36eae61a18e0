import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppState } from '../lib/state/app-state';

export const AppContext = createContext<AppState | null>(null);

/** The panel's state; a component rendered outside the provider is a programming error. */
export function useAppState(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useAppState() used outside <AppContext.Provider>');
  return state;
}
