import { openWrapupDb, type WrapupDb } from '../../lib/db/database';

let db: WrapupDb | undefined;

/** One Dexie connection per service-worker lifetime; Dexie reopens it after a restart. */
export function openBackgroundDb(): WrapupDb {
  db ??= openWrapupDb();
  return db;
}
