import { browser } from 'wxt/browser';
import { adoptLocalWork } from '../../lib/db/adopt-local-work';
import type { WrapupDb } from '../../lib/db/database';
import { catchUpSearchIndex } from '../../lib/db/search-indexer';
import { loadSession } from '../../lib/db/session-store';
import { forgetOpenedCustomer, rememberOpenedCustomer } from '../../lib/db/sync-meta';
import { watchTableWrites } from '../../lib/db/watch-table-writes';
import type { Id } from '../../lib/domain/ids';
import { ownLocalAgentId } from '../../lib/session/current-agent';
import { keepOpenedTaskCurrent } from '../../lib/sync/keep-opened-task-current';
import { loadCustomerTasks } from '../../lib/sync/load-customer-tasks';
import { discardRefusedChange } from '../../lib/sync/refused-changes';
import { runSync } from '../../lib/sync/run-sync';
import { serverHttp } from '../../lib/sync/server-http';
import { type SyncScheduler, syncScheduler, webLock } from '../../lib/sync/sync-scheduler';
import { openBackgroundDb } from './database';

export const SYNC_ALARM = 'wrapup-sync';
const SYNC_LOCK = 'wrapup-sync';

/** Chrome stops an idle service worker after 30 s; an extension API call resets that clock. */
const KEEP_ALIVE_MS = 20_000;

async function signedIn(db: WrapupDb) {
  const session = await loadSession(db);
  if (!session) return null;
  return {
    session,
    http: serverHttp({ serverUrl: session.serverUrl, token: session.token }),
  };
}

/**
 * One sync run as the signed-in agent; nothing to do when signed out (the outbox keeps every
 * change until they sign in). A run that outlives the service worker is picked up where it
 * stopped: the outbox and the pull cursor are in the store.
 */
async function syncOnce(): Promise<void> {
  const db = openBackgroundDb();
  const connection = await signedIn(db);
  if (!connection) return;
  const userId = connection.session.user.id;
  const localId = await ownLocalAgentId();
  if (localId) await adoptLocalWork(db, localId, userId);
  const outcome = await whileKeptAlive(() => runSync({ db, http: connection.http, userId }));
  if (outcome.pulled > 0) indexPulledTasks(db);
}

/** Runs `work`, telling Chrome every so often that the worker is busy so it is not stopped. */
async function whileKeptAlive<T>(work: () => Promise<T>): Promise<T> {
  const keepAlive = setInterval(() => {
    browser.runtime.getPlatformInfo().catch(() => undefined);
  }, KEEP_ALIVE_MS);
  try {
    return await work();
  } finally {
    clearInterval(keepAlive);
  }
}

let indexing: Promise<unknown> | null = null;

/**
 * Pulled tasks join the search index behind the sync, outside its lock, so a first sync of a
 * large working set is not held up by the word index (lists and task views do not need it; the
 * search says when it is still catching up). One indexer at a time here; the queue lets a
 * stopped worker's successor go on.
 */
function indexPulledTasks(db: WrapupDb): void {
  if (indexing) return;
  indexing = whileKeptAlive(() => catchUpSearchIndex(db))
    .catch((error: unknown) => console.warn('[wrapup] search indexing deferred:', error))
    .finally(() => {
      indexing = null;
    });
}

let scheduler: SyncScheduler | undefined;

export function backgroundSync(): SyncScheduler {
  scheduler ??= syncScheduler(syncOnce, { lockName: SYNC_LOCK });
  return scheduler;
}

/**
 * The triggers of a sync: every minute (an alarm, which also wakes a stopped service worker),
 * the browser coming back online, and any change queued in the outbox while this worker runs.
 * Registered synchronously at start-up, as MV3 requires.
 */
export function registerSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) backgroundSync().now();
  });
  globalThis.addEventListener?.('online', () => backgroundSync().now());
  watchTableWrites(openBackgroundDb().name, 'outbox', () => backgroundSync().soon(), 300);
}

/** At start-up: make sure the minute alarm exists (keeping its rhythm) and sync at once. */
export async function startSync(): Promise<void> {
  if (!(await browser.alarms.get(SYNC_ALARM))) {
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  }
  backgroundSync().now();
}

/** The agent discards a change the server refused; the record goes back to the server's copy. */
export async function discardRefused(mutationId: Id): Promise<void> {
  const db = openBackgroundDb();
  const connection = await signedIn(db);
  if (!connection) throw new Error('Sign in to discard a change: the server’s copy is needed.');
  await webLock(SYNC_LOCK, () =>
    discardRefusedChange(db, connection.http, mutationId, connection.session.user.id),
  );
}

/**
 * The agent opened a customer: their tasks join the working set. The first time, all of them
 * are fetched; later pulls bring their changes.
 */
export async function customerOpened(customerId: Id): Promise<number> {
  const db = openBackgroundDb();
  const connection = await signedIn(db);
  if (!connection) return 0;
  if (!(await rememberOpenedCustomer(db, customerId))) return 0;
  try {
    const received = await webLock(SYNC_LOCK, () =>
      loadCustomerTasks(db, connection.http, customerId, connection.session.user.id),
    );
    if (received > 0) indexPulledTasks(db);
    return received;
  } catch (error) {
    // Not loaded (offline, say): the next time the agent opens the customer tries again.
    await forgetOpenedCustomer(db, customerId);
    throw error;
  }
}

/** The agent opened a task from a server search: see keepOpenedTaskCurrent. */
export async function taskOpened(taskId: Id): Promise<boolean> {
  const db = openBackgroundDb();
  const connection = await signedIn(db);
  if (!connection) return false;
  const current = await webLock(SYNC_LOCK, () =>
    keepOpenedTaskCurrent(db, connection.http, taskId, connection.session.user.id),
  );
  if (current) indexPulledTasks(db);
  return current;
}
