import { z } from 'zod';
import type { Id } from '../domain/ids';
import { IdSchema } from '../domain/ids';
import type { WrapupDb } from './database';

const CURSOR_KEY = 'sync:cursor';
const OPENED_CUSTOMERS_KEY = 'sync:openedCustomers';
const OPENED_TASKS_KEY = 'sync:openedTasks';

/** Customers whose tasks the working set keeps, as the server's pull scope allows at most. */
export const MAX_OPENED_CUSTOMERS = 200;
/**
 * Single tasks kept in the working set, as the pull scope allows at most: with 200 customers the
 * pull's address stays well under the 16 KB a Node server takes for a request's head.
 */
export const MAX_OPENED_TASKS = 100;

/** Where the last pull stopped; undefined before the first sync. */
export async function loadCursor(db: WrapupDb): Promise<string | undefined> {
  const row = await db.meta.get(CURSOR_KEY);
  return typeof row?.value === 'string' ? row.value : undefined;
}

/** Stored by the transaction that applies the changes it covers (applyPulledPage). */
export async function storeCursor(db: WrapupDb, cursor: string): Promise<void> {
  await db.meta.put({ key: CURSOR_KEY, value: cursor });
}

export async function forgetCursor(db: WrapupDb): Promise<void> {
  await db.meta.delete(CURSOR_KEY);
}

/** A bounded list of ids in the meta table, most recent first. */
function recentIds(key: string, max: number) {
  const load = async (db: WrapupDb): Promise<Id[]> => {
    const row = await db.meta.get(key);
    const parsed = z.array(IdSchema).safeParse(row?.value);
    return parsed.success ? parsed.data : [];
  };
  return {
    load,
    /** Puts `id` first; true when it was not in the list before. */
    remember: (db: WrapupDb, id: Id): Promise<boolean> =>
      db.transaction('rw', db.meta, async () => {
        const known = await load(db);
        await db.meta.put({ key, value: [id, ...known.filter((k) => k !== id)].slice(0, max) });
        return !known.includes(id);
      }),
    forget: (db: WrapupDb, id: Id): Promise<void> =>
      db.transaction('rw', db.meta, async () => {
        const known = await load(db);
        await db.meta.put({ key, value: known.filter((k) => k !== id) });
      }),
  };
}

const customers = recentIds(OPENED_CUSTOMERS_KEY, MAX_OPENED_CUSTOMERS);
const tasks = recentIds(OPENED_TASKS_KEY, MAX_OPENED_TASKS);

/** The customers the agent opened, most recent first: their tasks stay in the working set. */
export const openedCustomers = customers.load;

/** Remembers a customer the agent opened; true when it was not in the working set before. */
export const rememberOpenedCustomer = customers.remember;

/** Takes a customer back out, so opening them again tries to bring their tasks once more. */
export const forgetOpenedCustomer = customers.forget;

/**
 * Single tasks the agent opened from outside the working set (a server search), most recent
 * first: pulls keep them current.
 */
export const openedTasks = tasks.load;

/** Remembers a task the agent opened from a server search; true when it was not kept before. */
export const rememberOpenedTask = tasks.remember;
