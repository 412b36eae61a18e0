import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../server/db/schema';
import { NOTE_WORDS } from '../word-lists';

export const WORDS: string[] = [...NOTE_WORDS];

/**
 * Fills a contact center with `count` tasks straight in SQL (the API would take hours): subjects
 * of 4 and notes of 20 words drawn with a skew toward the first, more frequent, words.
 */
export async function insertSearchTasks(
  db: Kysely<Database>,
  tenantId: string,
  userId: string,
  count: number,
  onProgress: (done: number) => void,
): Promise<void> {
  const words = sql`${sql.raw(`array[${WORDS.map((word) => `'${word.replaceAll("'", "''")}'`).join(',')}]`)}`;
  const batch = 100_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await sql`
      insert into tasks (tenant_id, id, number, kind, status, assignee_id, customer_id, parent_id,
                         transaction_id, updated_at, deleted_at, data)
      select ${tenantId}::uuid, t.id, t.number, 'call', 'open', ${userId}::uuid, null, null, null,
             t.at, null,
             jsonb_build_object(
               'id', t.id, 'number', t.number, 'kind', 'call', 'origin', 'manual',
               'subject', t.subject, 'notes', t.notes, 'status', 'open', 'customerId', null,
               'assigneeId', ${userId}::text, 'transactionId', null, 'transactionCodes', '[]'::jsonb,
               'call', null, 'dueAt', null, 'scheduledAt', null, 'reminderLeadMinutes', null,
               'remindAt', null, 'fields', '{}'::jsonb, 'parentId', null, 'parentNumber', null,
               'reference', null, 'createdAt', t.at, 'updatedAt', t.at,
               'createdBy', ${userId}::text, 'updatedBy', ${userId}::text, 'version', 0,
               'deletedAt', null)
      from (
        select gen_random_uuid() as id, g as number,
               now() - (g % 3650) * interval '1 day' as at,
               (select string_agg((${words})[1 + floor(${WORDS.length} * power(random(), 2))::int], ' ')
                  from generate_series(1, 4) where g > 0) as subject,
               (select string_agg((${words})[1 + floor(${WORDS.length} * power(random(), 2))::int], ' ')
                  from generate_series(1, 20) where g > 0) as notes
        from generate_series(${from}::bigint, ${to}::bigint) as g
      ) as t`.execute(db);
    onProgress(to);
  }
  await sql`update tenants set task_counter = ${count} where id = ${tenantId}`.execute(db);
  // What autovacuum does in a running system: merge the GIN index's pending list (a million
  // fresh rows leave it full, and every search would scan it) and refresh the statistics.
  await sql`vacuum analyze tasks`.execute(db);
}
