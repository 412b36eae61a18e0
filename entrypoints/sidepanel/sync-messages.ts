import { effect, type ReadonlySignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { watchTableWrites } from '../../lib/db/watch-table-writes';
import type { Id } from '../../lib/domain/ids';
import type { Message } from '../../lib/messages/protocol';
import type { Route } from '../../lib/state/app-state';

/** Sends a sync message to the background; its `{ ok: false, error }` answer becomes an error. */
export async function sendSyncMessage(message: Message): Promise<unknown> {
  const reply = (await browser.runtime.sendMessage(message)) as
    | { ok: true }
    | { ok: false; error: string }
    | undefined;
  if (reply && reply.ok === false) throw new Error(reply.error);
  return reply;
}

function quietly(message: Message): void {
  sendSyncMessage(message).catch((error: unknown) =>
    console.warn(`[wrapup] ${message.type} not delivered`, error),
  );
}

/**
 * The background watches the outbox while its service worker runs; a stopped worker hears
 * nothing, so the panel tells it after each burst of the agent's changes. Returns the stopper.
 */
export function wakeSyncOnOutboxWrites(dbName: string): () => void {
  return watchTableWrites(dbName, 'outbox', () => quietly({ type: 'sync/now' }), 400);
}

/** Each customer the agent opens brings all their tasks into the working set. */
export function announceOpenedCustomers(route: ReadonlySignal<Route>): () => void {
  let last: string | null = null;
  return effect(() => {
    const current = route.value;
    const customerId = current.screen === 'customer' ? current.customerId : null;
    if (customerId && customerId !== last) quietly({ type: 'sync/customer-opened', customerId });
    last = customerId;
  });
}

/**
 * A task opened from a server search lies outside the working set: the background brings its
 * current copy and history, and keeps it current from then on.
 */
export function announceOpenedTask(taskId: Id): void {
  quietly({ type: 'sync/task-opened', taskId });
}

export function requestSync(): void {
  quietly({ type: 'sync/now' });
}
