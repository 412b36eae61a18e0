import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { IdSchema } from '../../lib/domain/ids';
import type { ChangeEntity } from '../../lib/domain/sync-mutations';
import type { Database } from '../db/schema';
import { ProblemError } from '../http/problem-error';

/*
 * GET /v1/sync/pull?cursor=…&limit=…[&scope=working-set&customers=id,id&tasks=id,id][&wait=seconds]
 * → 200 { "changes": [Change, …], "cursor": "…", "hasMore": boolean }
 *   Change = { "entity": ChangeEntity, "id": string, "revision": string, "data": {…} }
 *
 * `data` is the record's latest state in its lib/domain schema: task (Task, tombstones have
 * deletedAt), history (HistoryEntry), customer (Customer), fieldDefinition (FieldDefinition),
 * transactionCode (TransactionCode, id = its code), settings (Settings, id = the tenant id),
 * user (User). A record changed several times appears once, at its latest revision.
 *
 * Start without a cursor; store the returned cursor together with the changes applied (one
 * transaction) and send it back; while `hasMore`, pull again at once. The cursor never skips a
 * committed change: each write transaction takes the contact center's next revision under a row
 * lock held to commit, so revisions become visible in order (server/store/write-transaction.ts).
 *
 * scope=working-set limits tasks and their history to the agent's working set (DESIGN.md): their
 * own tasks, the tasks of the `customers` listed (the ones they opened), the `tasks` listed (ones
 * they opened from a server search), and every task changed in the last Settings.workingSetDays
 * days. Other records always come.
 */

const CURSOR = /^(\d{1,18})(?:\.(\d{1,9}))?$/;

/** A comma-separated list of at most `max` ids (36 characters and a comma each). */
function idList(max: number) {
  return z
    .string()
    .max(37 * max)
    .transform((text) => (text === '' ? [] : text.split(',')))
    .pipe(z.array(IdSchema).max(max));
}

export const PullQuerySchema = z.strictObject({
  cursor: z.string().regex(CURSOR, 'Must be a cursor from an earlier pull.').optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  scope: z.enum(['all', 'working-set']).optional(),
  customers: idList(200).optional(),
  tasks: idList(100).optional(),
  /** Long polling: with nothing new, wait up to this many seconds for a change. */
  wait: z.coerce.number().int().min(0).max(60).optional(),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

export interface Change {
  entity: ChangeEntity;
  id: string;
  revision: string;
  data: unknown;
}

export interface PullPage {
  changes: Change[];
  cursor: string;
  hasMore: boolean;
}

/** A whole revision's worth of ordinals: "r" means every change of revision r was seen. */
const END_OF_REVISION = 2_147_483_647;

function parseCursor(cursor: string | undefined): { revision: string; ordinal: number } {
  if (cursor === undefined) return { revision: '0', ordinal: END_OF_REVISION };
  const match = CURSOR.exec(cursor);
  if (!match) throw new ProblemError(400, 'Must be a cursor from an earlier pull.');
  return {
    revision: match[1] as string,
    ordinal: match[2] === undefined ? END_OF_REVISION : Number(match[2]),
  };
}

export interface PullScope {
  userId: string;
  customerIds: readonly string[];
  /** Single tasks kept current, with their history. */
  taskIds: readonly string[];
  /** Tasks changed since then are in the working set. */
  since: string;
}

/** One page of changes after `cursor`, read from one snapshot. */
export async function pullChanges(
  db: Kysely<Database>,
  tenantId: string,
  cursor: string | undefined,
  limit: number,
  scope?: PullScope,
): Promise<PullPage> {
  const after = parseCursor(cursor);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      let query = trx
        .selectFrom('changes')
        .select(['entity', 'entity_id', 'revision', 'ordinal', 'data'])
        .where('tenant_id', '=', tenantId)
        .where(
          sql<boolean>`(revision, ordinal) > (${after.revision}::bigint, ${after.ordinal}::integer)`,
        )
        .orderBy('revision')
        .orderBy('ordinal')
        .limit(limit + 1);
      if (scope) {
        query = query.where((eb) =>
          eb.or([
            eb('entity', 'not in', ['task', 'history']),
            eb('assignee_id', '=', scope.userId),
            ...(scope.customerIds.length > 0
              ? [eb('customer_id', 'in', [...scope.customerIds])]
              : []),
            ...(scope.taskIds.length > 0
              ? [
                  eb.and([eb('entity', '=', 'task'), eb('entity_id', 'in', [...scope.taskIds])]),
                  eb.and([
                    eb('entity', '=', 'history'),
                    eb(sql<string>`data->>'taskId'`, 'in', [...scope.taskIds]),
                  ]),
                ]
              : []),
            eb('touched_at', '>=', scope.since),
          ]),
        );
      }
      const rows = await query.execute();
      const page = rows.slice(0, limit);
      const hasMore = rows.length > limit;
      const last = page.at(-1);
      let next = last ? `${last.revision}.${last.ordinal}` : (cursor ?? '0');
      if (!hasMore) {
        // Everything committed up to the tenant's revision in this snapshot has been read (or
        // filtered out): later pulls may start after it.
        const tenant = await trx
          .selectFrom('tenants')
          .select('revision')
          .where('id', '=', tenantId)
          .executeTakeFirstOrThrow();
        next = String(tenant.revision);
      }
      return {
        changes: page.map((row) => ({
          entity: row.entity as ChangeEntity,
          id: row.entity_id,
          revision: String(row.revision),
          data: row.data,
        })),
        cursor: next,
        hasMore,
      };
    });
}
