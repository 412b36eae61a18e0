import { type Kysely, sql } from 'kysely';

/*
 * Signing in: a password hash per user, bearer tokens (only their hash is stored), and per
 * contact center the settings, the webhook secret and the two counters every write takes.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's Database type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tenants')
    .addColumn('settings', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('webhook_secret', 'text', (column) => column.notNull().defaultTo(''))
    // The last revision of any change, and the last task number: both taken in the writing
    // transaction by updating this row, which also orders that tenant's writers (see server/store).
    .addColumn('revision', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('task_counter', 'bigint', (column) => column.notNull().defaultTo(0))
    .execute();

  await db.schema.alterTable('users').addColumn('password_hash', 'text').execute();

  await db.schema
    .createTable('tokens')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('user_id', 'uuid', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    // A fixed one-minute window of requests, for the per-token rate limit.
    .addColumn('window_started_at', 'timestamptz', (column) =>
      column.notNull().defaultTo(sql`now()`),
    )
    .addColumn('window_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addForeignKeyConstraint(
      'tokens_user_fkey',
      ['tenant_id', 'user_id'],
      'users',
      ['tenant_id', 'id'],
      (constraint) => constraint.onDelete('cascade'),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tokens').execute();
  await db.schema.alterTable('users').dropColumn('password_hash').execute();
  await db.schema
    .alterTable('tenants')
    .dropColumn('settings')
    .dropColumn('webhook_secret')
    .dropColumn('revision')
    .dropColumn('task_counter')
    .execute();
}
