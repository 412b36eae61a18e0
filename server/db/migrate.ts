import { type Kysely, Migrator } from 'kysely';
import { MIGRATIONS } from './migrations/index';
import type { Database } from './schema';

/**
 * Brings the schema up to date and returns the names of the migrations it applied (none when it
 * already was). Safe to run from several instances at once: Kysely holds a database lock while
 * migrating. Throws, naming the migration, if one fails; PostgreSQL runs DDL in transactions, so
 * nothing of that run stays applied.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    const which = failed ? ` ${failed.migrationName}` : '';
    throw new Error(`Database migration${which} failed`, { cause: error });
  }
  return results.map((result) => result.migrationName);
}
