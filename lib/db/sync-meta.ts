import { z } from 'zod';
import type { Id } from '../domain/ids';
import { IdSchema } from '../domain/ids';
import type { WrapupDb } from './database';

const CURSOR_KEY = 'sync:cursor';
const OPENED_CUSTOMERS_KEY = 'sync:openedCustomers';

/** Customers whose tasks the working set keeps, as the server's pull scope allows at most. */
export const MAX_OPENED_CUSTOMERS = 200;

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

/** The customers the agent opened, most recent first: their tasks stay in the working set. */
export async function openedCustomers(db: WrapupDb): Promise<Id[]> {
  const row = await db.meta.get(OPENED_CUSTOMERS_KEY);
  const parsed = z.array(IdSchema).safeParse(row?.value);
  return parsed.success ? parsed.data : [];
}

/** Remembers a customer the agent opened; true when it was not in the working set before. */
export async function rememberOpenedCustomer(db: WrapupDb, id: Id): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const known = await openedCustomers(db);
    const next = [id, ...known.filter((known) => known !== id)].slice(0, MAX_OPENED_CUSTOMERS);
    await db.meta.put({ key: OPENED_CUSTOMERS_KEY, value: next });
    return !known.includes(id);
  });
}

/** Takes a customer back out, so opening them again tries to bring their tasks once more. */
export async function forgetOpenedCustomer(db: WrapupDb, id: Id): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const known = await openedCustomers(db);
    await db.meta.put({ key: OPENED_CUSTOMERS_KEY, value: known.filter((known) => known !== id) });
  });
}
