import type { WrapupDb } from './database';

/** Empties every table of the store: what "clear local data on this device" does. */
export async function clearLocalData(db: WrapupDb): Promise<void> {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
}

/**
 * Local changes the server has not accepted yet (pending or rejected), which clearing local
 * data would lose. Zero for a store without an outbox (one made before sync existed).
 */
export async function unsentChangeCount(db: WrapupDb): Promise<number> {
  try {
    return await db.table('outbox').count();
  } catch {
    return 0;
  }
}
