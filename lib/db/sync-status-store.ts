import { IDLE_SYNC_STATUS, type SyncStatus, SyncStatusSchema } from '../domain/sync-status';
import type { WrapupDb } from './database';

const STATUS_KEY = 'sync:status';

export async function loadSyncStatus(db: WrapupDb): Promise<SyncStatus> {
  const row = await db.meta.get(STATUS_KEY);
  const parsed = SyncStatusSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : IDLE_SYNC_STATUS;
}

/** Merges `change` into the stored status (one transaction, so runs never overwrite a field). */
export async function updateSyncStatus(
  db: WrapupDb,
  change: Partial<SyncStatus>,
): Promise<SyncStatus> {
  return db.transaction('rw', db.meta, async () => {
    const next = SyncStatusSchema.parse({ ...(await loadSyncStatus(db)), ...change });
    await db.meta.put({ key: STATUS_KEY, value: next });
    return next;
  });
}
