import { type Kysely, sql } from 'kysely';

/*
 * Tasks record when an agent first saved them as a call log (loggedAt, loggedBy), so the "to
 * log" queue is the same on every device. Tasks stored before say null, as the schema's
 * default does for clients reading older change rows; the REST API then returns both fields
 * on every task.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's Database type.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update tasks set data = data || '{"loggedAt": null, "loggedBy": null}'::jsonb
    where not data ? 'loggedAt'
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update tasks set data = data - 'loggedAt' - 'loggedBy'`.execute(db);
}
