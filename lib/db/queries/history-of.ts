import { Dexie } from 'dexie';
import type { HistoryEntry } from '../../domain/history';
import type { Id } from '../../domain/ids';
import type { WrapupDb } from '../database';

/** A task's History tab, oldest first (R25); entries made at the same instant in id order. */
export function historyOf(db: WrapupDb, taskId: Id): Promise<HistoryEntry[]> {
  return db.history
    .where('[taskId+at]')
    .between([taskId, Dexie.minKey], [taskId, Dexie.maxKey])
    .toArray();
}
