import { type Kysely, sql, type Transaction } from 'kysely';
import type { ChangeEntity } from '../../lib/domain/sync-mutations';
import type { Database } from '../db/schema';
import { notFound } from '../http/problem-error';

/** The NOTIFY channel that tells every instance a contact center changed (payload: tenant id). */
export const CHANGES_CHANNEL = 'wrapup_changes';

/** What a task (or a history entry, through its task) contributes to pull's working-set scope. */
export interface ChangeScope {
  assigneeId: string | null;
  customerId: string | null;
  touchedAt: string;
}

/** One contact center's write transaction, with the revision every change in it is stamped with. */
export interface Writer {
  trx: Transaction<Database>;
  tenantId: string;
  revision: string;
  /** Records the latest state of a record for pull (replacing its earlier change row). */
  record(entity: ChangeEntity, entityId: string, data: unknown, scope?: ChangeScope): Promise<void>;
  /** How many changes were recorded so far: whether an operation has written anything. */
  recorded(): number;
  /** The next task number of this contact center: gap-free, as the transaction commits or not. */
  nextTaskNumber(): Promise<number>;
  /**
   * Loads once per transaction what its many operations all read (the rules' options), keyed
   * by name. Only for data the transaction's own operations do not change.
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * Runs `write` in a transaction that first takes the contact center's next revision by updating
 * its tenant row. That row lock is held until commit, so the tenant's writers commit one after
 * another in revision order: when a reader sees revision r committed, every revision below r is
 * committed too, and a pull cursor can never step over a change still in flight. Task numbers
 * come from the same row, so they are gap-free: a rolled-back transaction gives its number back.
 */
export async function inWriteTransaction<T>(
  db: Kysely<Database>,
  tenantId: string,
  write: (writer: Writer) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const tenant = await trx
      .updateTable('tenants')
      .set({ revision: sql`revision + 1` })
      .where('id', '=', tenantId)
      .returning('revision')
      .executeTakeFirst();
    if (!tenant) throw notFound('The contact center');
    const revision = String(tenant.revision);
    let ordinal = 0;
    let changed = false;
    const loaded = new Map<string, Promise<unknown>>();
    const writer: Writer = {
      trx,
      tenantId,
      revision,
      async record(entity, entityId, data, scope) {
        ordinal += 1;
        changed = true;
        const row = {
          tenant_id: tenantId,
          revision,
          ordinal,
          entity,
          entity_id: entityId,
          assignee_id: scope?.assigneeId ?? null,
          customer_id: scope?.customerId ?? null,
          touched_at: scope?.touchedAt ?? null,
          data: JSON.stringify(data),
        };
        await trx
          .insertInto('changes')
          .values(row)
          .onConflict((conflict) =>
            conflict.columns(['tenant_id', 'entity', 'entity_id']).doUpdateSet({
              revision: row.revision,
              ordinal: row.ordinal,
              assignee_id: row.assignee_id,
              customer_id: row.customer_id,
              touched_at: row.touched_at,
              data: row.data,
            }),
          )
          .execute();
      },
      recorded: () => ordinal,
      once<T>(key: string, load: () => Promise<T>) {
        if (!loaded.has(key)) loaded.set(key, load());
        return loaded.get(key) as Promise<T>;
      },
      async nextTaskNumber() {
        const counter = await trx
          .updateTable('tenants')
          .set({ task_counter: sql`task_counter + 1` })
          .where('id', '=', tenantId)
          .returning('task_counter')
          .executeTakeFirstOrThrow();
        return Number(counter.task_counter);
      },
    };
    const result = await write(writer);
    // Delivered at commit, to every instance listening (and never for a rollback).
    if (changed) await sql`select pg_notify(${CHANGES_CHANNEL}, ${tenantId})`.execute(trx);
    return result;
  });
}
