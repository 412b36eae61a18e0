import { computed, type Signal, signal } from '@preact/signals';
import type { RefusedChange, SyncOverview } from '../db/queries/sync-overview';
import { errorMessage } from '../domain/error-message';
import type { Id } from '../domain/ids';
import { liveQuerySignal } from './live-query-signal';
import { deriveSyncView, type SyncView } from './sync-view';

export type { RefusedChange } from '../db/queries/sync-overview';

/** What the sync indicator needs from the outside world; the entrypoints wire it. */
export interface SyncApi {
  /** The store's view of sync (a Dexie read, so the indicator follows the background's runs). */
  overview(): Promise<SyncOverview>;
  /** Asks the background to sync now. */
  syncNow(): Promise<void>;
  /** Sends a refused change again (after the agent fixed its cause). */
  retry(mutationId: Id): Promise<void>;
  /** Drops a refused change; its record goes back to the server's copy. */
  discard(mutationId: Id): Promise<void>;
}

export interface SyncStateDeps {
  api: SyncApi;
  online: Signal<boolean>;
  /** Where a refused change's record opens; pages without the workspace leave these out. */
  openTask?: (id: Id) => void;
  openCustomer?: (id: Id) => void;
}

/** The sync indicator's state and actions, one per page (and per test). */
export function createSyncState({ api, online, openTask, openCustomer }: SyncStateDeps) {
  const overview = liveQuerySignal(
    () => null,
    () => api.overview(),
  );
  /** undefined while the first read is under way. */
  const view = computed<SyncView | undefined>(() => {
    const failed = overview.error.value;
    const current = overview.value.value;
    if (!current) {
      return failed
        ? {
            kind: 'error',
            pending: 0,
            refused: 0,
            lastSyncedAt: null,
            received: null,
            message: failed.message,
          }
        : undefined;
    }
    return deriveSyncView({
      signedIn: current.signedIn,
      status: current.status,
      pending: current.pending,
      refused: current.refused.length,
      online: online.value,
    });
  });
  const refused = computed<readonly RefusedChange[]>(() => overview.value.value?.refused ?? []);
  const detailsOpen = signal(false);
  /** The action under way: 'sync', or the id of the refused change being retried or discarded. */
  const busy = signal<string | null>(null);
  const actionError = signal<string | null>(null);
  /** The refused change whose discarding waits for the agent's confirmation. */
  const confirmingDiscard = signal<Id | null>(null);

  const run = async (key: string, action: () => Promise<void>): Promise<boolean> => {
    if (busy.value) return false;
    busy.value = key;
    actionError.value = null;
    try {
      await action();
      return true;
    } catch (error) {
      actionError.value = errorMessage(error);
      return false;
    } finally {
      busy.value = null;
    }
  };

  return {
    view,
    refused,
    detailsOpen,
    busy,
    actionError,
    confirmingDiscard,
    /** Whether "Open" can show a refused change's record here. */
    canOpen(change: RefusedChange): boolean {
      if (!change.record) return false;
      return change.record.entity === 'task' ? openTask !== undefined : openCustomer !== undefined;
    },
    toggleDetails() {
      detailsOpen.value = !detailsOpen.value;
      actionError.value = null;
      confirmingDiscard.value = null;
    },
    closeDetails() {
      detailsOpen.value = false;
      confirmingDiscard.value = null;
    },
    syncNow: () => run('sync', () => api.syncNow()),
    retry: (id: Id) => run(id, () => api.retry(id)),
    askDiscard(id: Id) {
      actionError.value = null;
      confirmingDiscard.value = id;
    },
    cancelDiscard() {
      confirmingDiscard.value = null;
    },
    async confirmDiscard(): Promise<boolean> {
      const id = confirmingDiscard.value;
      if (!id) return false;
      const done = await run(id, () => api.discard(id));
      if (done) confirmingDiscard.value = null;
      return done;
    },
    /** Opens the record of a refused change so the agent can fix it, then retry. */
    open(change: RefusedChange) {
      const record = change.record;
      if (!record) return;
      detailsOpen.value = false;
      if (record.entity === 'task') openTask?.(record.id);
      else openCustomer?.(record.id);
    },
    dispose() {
      overview.dispose();
    },
  };
}

export type SyncState = ReturnType<typeof createSyncState>;
