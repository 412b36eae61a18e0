import type { KyInstance } from 'ky';
import type { WrapupDb } from '../db/database';
import { discardRejected, rejectedMutations } from '../db/outbox-store';
import type { Id } from '../domain/ids';
import { fetchCustomer, fetchTask } from './sync-api';

/**
 * Drops a change the server refused and puts its record back as the server has it (asked for
 * now, since the agent's copy still shows the refused change), with the changes still waiting
 * re-applied on top.
 */
export async function discardRefusedChange(
  db: WrapupDb,
  http: KyInstance,
  mutationId: Id,
  actorId: Id,
): Promise<void> {
  const row = (await rejectedMutations(db)).find(({ id }) => id === mutationId);
  if (!row) return;
  const server = row.name.startsWith('customer.')
    ? { entity: 'customer' as const, record: await fetchCustomer(http, row.entityId) }
    : { entity: 'task' as const, record: await fetchTask(http, row.entityId) };
  await discardRejected(db, mutationId, server, { actorId, now: new Date().toISOString() });
}
