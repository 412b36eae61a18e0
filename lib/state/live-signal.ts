import { type Signal, signal } from '@preact/signals';
import { liveQuery } from 'dexie';

export interface LiveSignal<T> {
  value: Signal<T | undefined>;
  error: Signal<Error | null>;
  dispose(): void;
}

/**
 * Bridges a Dexie live query into a signal: `undefined` while loading, then every result as the
 * store changes — including writes made by the service worker in another context.
 */
export function liveSignal<T>(query: () => Promise<T>): LiveSignal<T> {
  const value = signal<T | undefined>(undefined);
  const error = signal<Error | null>(null);
  const subscription = liveQuery(query).subscribe({
    next: (result) => {
      value.value = result;
      error.value = null;
    },
    error: (cause: unknown) => {
      error.value = cause instanceof Error ? cause : new Error(String(cause));
    },
  });
  return { value, error, dispose: () => subscription.unsubscribe() };
}
