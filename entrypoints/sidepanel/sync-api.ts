import type { WrapupDb } from '../../lib/db/database';
import type { SyncApi } from '../../lib/state/sync-state';
import { sendSyncMessage } from './sync-messages';

/**
 * The sync indicator's access to the store and the background, for the side panel and the
 * options page. The store's queries bring zod, so this loads after the first render.
 */
export async function browserSyncApi(db: WrapupDb): Promise<SyncApi> {
  const { loadSyncOverview } = await import('../../lib/db/queries/sync-overview');
  return {
    overview: () => loadSyncOverview(db),
    syncNow: async () => {
      await sendSyncMessage({ type: 'sync/now' });
    },
    retry: async (mutationId) => {
      await sendSyncMessage({ type: 'sync/retry', mutationId });
    },
    discard: async (mutationId) => {
      await sendSyncMessage({ type: 'sync/discard', mutationId });
    },
  };
}
