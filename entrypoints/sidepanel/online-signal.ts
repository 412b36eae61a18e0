import { type Signal, signal } from '@preact/signals';

/** navigator.onLine as a signal, kept current by the browser's online and offline events. */
export function browserOnline(): Signal<boolean> {
  const online = signal(navigator.onLine);
  const update = () => {
    online.value = navigator.onLine;
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  return online;
}
