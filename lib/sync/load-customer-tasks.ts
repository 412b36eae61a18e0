import type { KyInstance } from 'ky';
import { applyPulledPage } from '../db/apply-pulled-changes';
import type { WrapupDb } from '../db/database';
import type { Id } from '../domain/ids';
import { fetchTaskPage } from './sync-api';

/** Most pages of a customer's tasks brought in when the agent first opens the customer. */
const MAX_PAGES = 25;

/**
 * All of a customer's tasks, the first time the agent opens them (R23): the working set then
 * keeps them, and later pulls bring their changes. Returns how many arrived.
 */
export async function loadCustomerTasks(
  db: WrapupDb,
  http: KyInstance,
  customerId: Id,
  actorId: Id,
): Promise<number> {
  let cursor: string | undefined;
  let received = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { items, nextCursor } = await fetchTaskPage(http, { customerId }, cursor);
    await applyPulledPage(
      db,
      items.map((data) => ({ entity: 'task', data })),
      null,
      { actorId, now: new Date().toISOString() },
    );
    received += items.length;
    if (nextCursor === null) break;
    cursor = nextCursor;
  }
  return received;
}
