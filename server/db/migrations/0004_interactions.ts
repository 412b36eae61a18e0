import { type Kysely, sql } from 'kysely';

/** Interactions reported through the webhook, by their id: each is processed once (R1, R7). */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's Database type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('interactions')
    .addColumn('tenant_id', 'uuid', (column) =>
      column.notNull().references('tenants.id').onDelete('cascade'),
    )
    .addColumn('interaction_id', 'text', (column) => column.notNull())
    .addColumn('received_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('result', 'jsonb', (column) => column.notNull())
    .addPrimaryKeyConstraint('interactions_pkey', ['tenant_id', 'interaction_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('interactions').execute();
}
