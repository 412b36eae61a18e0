import type { Kysely } from 'kysely';

/*
 * The revision of the last settings change, their version: an administrator's change names the
 * version it was made on, so a second administrator's older screen cannot overwrite it unseen.
 * The tenant's own revision will not do, as every task write moves it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's Database type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tenants')
    .addColumn('settings_revision', 'bigint', (column) => column.notNull().defaultTo(0))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tenants').dropColumn('settings_revision').execute();
}
