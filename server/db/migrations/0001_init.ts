import { type Kysely, sql } from 'kysely';

/*
 * The starting schema: contact centers (tenants) and their users. A migration is a snapshot, so
 * it uses the schema builder on an untyped Kysely and never imports the application's types.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's Database type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('tenant_id', 'uuid', (column) =>
      column.notNull().references('tenants.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) =>
      column.notNull().check(sql`role in ('agent', 'administrator')`),
    )
    .addColumn('permissions', sql`text[]`, (column) => column.notNull().defaultTo(sql`'{}'`))
    .addColumn('active', 'boolean', (column) => column.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    // Later tables reference a user together with its tenant (foreign key on both columns), so
    // no row can ever point at another contact center's user. It also indexes users by tenant.
    .addUniqueConstraint('users_tenant_id_id_key', ['tenant_id', 'id'])
    .execute();

  // People sign in with email and password alone, so an address names one user across all
  // contact centers, whatever its letter case.
  await db.schema
    .createIndex('users_email_key')
    .on('users')
    .unique()
    .expression(sql`lower(email)`)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('users').execute();
  await db.schema.dropTable('tenants').execute();
}
