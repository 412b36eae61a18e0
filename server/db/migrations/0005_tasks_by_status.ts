import { type Kysely, sql } from 'kysely';

/**
 * An agent's tasks by status, newest number first: the first sync after sign-in asks for the
 * agent's open tasks, and with tasks_assignee_idx alone that walked past every completed task
 * numbered after the oldest open one (seconds for an agent with 100,000 tasks).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's Database type.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index tasks_assignee_status_idx on tasks (tenant_id, assignee_id, status, number)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index tasks_assignee_status_idx`.execute(db);
}
