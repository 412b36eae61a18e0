import { effect, type Signal, signal } from '@preact/signals';
import { liveQuery, type Subscription } from 'dexie';

export interface LiveQuerySignal<T> {
  value: Signal<T | undefined>;
  error: Signal<Error | null>;
  dispose(): void;
}

/**
 * A Dexie live query whose inputs are signals: whenever a signal read by `inputs` changes, the
 * query is resubscribed with the new inputs. `undefined` while the first result loads.
 */
export function liveQuerySignal<I, T>(
  inputs: () => I,
  query: (input: I) => Promise<T>,
): LiveQuerySignal<T> {
  const value = signal<T | undefined>(undefined);
  const error = signal<Error | null>(null);
  let subscription: Subscription | undefined;
  const stop = effect(() => {
    const input = inputs();
    subscription?.unsubscribe();
    // async, so a query that throws before its first await still reaches `error`.
    subscription = liveQuery(async () => query(input)).subscribe({
      next: (result) => {
        value.value = result;
        error.value = null;
      },
      error: (cause: unknown) => {
        error.value = cause instanceof Error ? cause : new Error(String(cause));
      },
    });
  });
  return {
    value,
    error,
    dispose: () => {
      stop();
      subscription?.unsubscribe();
    },
  };
}
