import { type Kysely, sql } from 'kysely';

/*
 * The contact center's records. Each row keeps the record as the domain schema has it (`data`,
 * lib/domain is the source of truth) beside the columns queries filter on. Every key starts with
 * tenant_id, so no query can reach another contact center's rows through an index, and ids of
 * one tenant never collide with, or reveal, another's.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's Database type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('tenant_id', 'uuid', (column) =>
      column.notNull().references('tenants.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('phones', sql`text[]`, (column) => column.notNull())
    .addColumn('emails', sql`text[]`, (column) => column.notNull())
    .addColumn('external_ids', sql`text[]`, (column) => column.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('data', 'jsonb', (column) => column.notNull())
    .addPrimaryKeyConstraint('customers_pkey', ['tenant_id', 'id'])
    .execute();
  await sql`create index customers_phones_idx on customers using gin (phones)`.execute(db);
  await sql`create index customers_emails_idx on customers using gin (emails)`.execute(db);
  await sql`create index customers_external_ids_idx on customers using gin (external_ids)`.execute(
    db,
  );

  await db.schema
    .createTable('tasks')
    .addColumn('tenant_id', 'uuid', (column) =>
      column.notNull().references('tenants.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('number', 'bigint', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('assignee_id', 'uuid')
    .addColumn('customer_id', 'uuid')
    .addColumn('parent_id', 'uuid')
    .addColumn('transaction_id', 'text')
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('data', 'jsonb', (column) => column.notNull())
    .addColumn('search', sql`tsvector`, (column) =>
      column
        .generatedAlwaysAs(
          sql`to_tsvector('simple'::regconfig, coalesce(data->>'subject', '') || ' ' || coalesce(data->>'notes', ''))`,
        )
        .stored(),
    )
    .addPrimaryKeyConstraint('tasks_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('tasks_number_key', ['tenant_id', 'number'])
    .execute();
  await sql`create index tasks_assignee_idx on tasks (tenant_id, assignee_id, number)`.execute(db);
  await sql`create index tasks_customer_idx on tasks (tenant_id, customer_id, number)`.execute(db);
  await sql`create index tasks_parent_idx on tasks (tenant_id, parent_id)`.execute(db);
  await sql`create index tasks_search_idx on tasks using gin (search)`.execute(db);

  await db.schema
    .createTable('task_history')
    .addColumn('tenant_id', 'uuid', (column) =>
      column.notNull().references('tenants.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('task_id', 'uuid', (column) => column.notNull())
    .addColumn('at', 'timestamptz', (column) => column.notNull())
    .addColumn('entry', 'jsonb', (column) => column.notNull())
    .addPrimaryKeyConstraint('task_history_pkey', ['tenant_id', 'id'])
    .execute();
  await sql`create index task_history_task_idx on task_history (tenant_id, task_id, at)`.execute(
    db,
  );

  await db.schema
    .createTable('field_definitions')
    .addColumn('tenant_id', 'uuid', (column) =>
      column.notNull().references('tenants.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('data', 'jsonb', (column) => column.notNull())
    .addPrimaryKeyConstraint('field_definitions_pkey', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('transaction_codes')
    .addColumn('tenant_id', 'uuid', (column) =>
      column.notNull().references('tenants.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (column) => column.notNull())
    .addColumn('data', 'jsonb', (column) => column.notNull())
    .addPrimaryKeyConstraint('transaction_codes_pkey', ['tenant_id', 'code'])
    .execute();

  // What pull reads: the latest state of every changed record, one row per record, stamped with
  // the revision of the transaction that wrote it. A record written again moves to the new
  // revision, so the feed stays as large as the data, not as its history.
  await db.schema
    .createTable('changes')
    .addColumn('tenant_id', 'uuid', (column) =>
      column.notNull().references('tenants.id').onDelete('cascade'),
    )
    .addColumn('revision', 'bigint', (column) => column.notNull())
    .addColumn('ordinal', 'integer', (column) => column.notNull())
    .addColumn('entity', 'text', (column) => column.notNull())
    .addColumn('entity_id', 'text', (column) => column.notNull())
    // For the working-set scope of pull: the task's (or history entry's task's) assignee,
    // customer and last change; null for records every agent gets.
    .addColumn('assignee_id', 'uuid')
    .addColumn('customer_id', 'uuid')
    .addColumn('touched_at', 'timestamptz')
    .addColumn('data', 'jsonb', (column) => column.notNull())
    .addPrimaryKeyConstraint('changes_pkey', ['tenant_id', 'revision', 'ordinal'])
    .addUniqueConstraint('changes_entity_key', ['tenant_id', 'entity', 'entity_id'])
    .execute();

  // Sync mutations already processed: the id is the idempotency key, the result is replayed.
  await db.schema
    .createTable('processed_mutations')
    .addColumn('tenant_id', 'uuid', (column) =>
      column.notNull().references('tenants.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('user_id', 'uuid', (column) => column.notNull())
    .addColumn('processed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('result', 'jsonb', (column) => column.notNull())
    .addPrimaryKeyConstraint('processed_mutations_pkey', ['tenant_id', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'processed_mutations',
    'changes',
    'transaction_codes',
    'field_definitions',
    'task_history',
    'tasks',
    'customers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
