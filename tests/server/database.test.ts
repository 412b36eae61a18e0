import { AbortedTransactionError, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/migrate';
import { MIGRATIONS } from '../../server/db/migrations/index';
import {
  emptyDatabase,
  type OpenTestDatabase,
  openFreshDatabase,
  testDatabases,
} from './support/databases';

describe.each(testDatabases)('database on $kind', (target) => {
  let database: OpenTestDatabase;

  beforeAll(async () => {
    database = await openFreshDatabase(target);
  });

  afterAll(async () => {
    await database?.dispose();
  });

  beforeEach(async () => {
    await emptyDatabase(database.db);
  });

  it('reports its kind', () => {
    expect(database.kind).toBe(target.kind);
  });

  describe('migrations', () => {
    it('create the tables, and a second run applies nothing', async () => {
      expect(await migrateToLatest(database.db)).toEqual(Object.keys(MIGRATIONS));
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = 'public' and table_name not like 'kysely%'
        order by table_name`.execute(database.db);
      expect(tables.rows.map((row) => row.table_name)).toEqual([
        'changes',
        'customers',
        'field_definitions',
        'interactions',
        'processed_mutations',
        'task_history',
        'tasks',
        'tenants',
        'tokens',
        'transaction_codes',
        'users',
      ]);

      expect(await migrateToLatest(database.db)).toEqual([]);
    });

    it('apply each migration once when two runs race', async () => {
      const [first, second] = await Promise.all([
        migrateToLatest(database.db),
        migrateToLatest(database.db),
      ]);
      expect([...first, ...second].sort()).toEqual(Object.keys(MIGRATIONS));
    });
  });

  describe('schema', () => {
    const tenantId = uuidv7();
    const otherTenantId = uuidv7();

    beforeEach(async () => {
      await migrateToLatest(database.db);
      await database.db
        .insertInto('tenants')
        .values([
          { id: tenantId, name: 'Acme Support' },
          { id: otherTenantId, name: 'Globex Care' },
        ])
        .execute();
    });

    const agent = (overrides: { email?: string; tenant_id?: string; role?: string } = {}) => ({
      id: uuidv7(),
      tenant_id: overrides.tenant_id ?? tenantId,
      name: 'Ada Agent',
      email: overrides.email ?? 'ada@acme.example',
      role: (overrides.role ?? 'agent') as 'agent',
      permissions: ['view' as const, 'create' as const, 'edit' as const],
    });

    it('stores a user and reads it back with its defaults', async () => {
      const user = agent();
      await database.db.insertInto('users').values(user).execute();
      const stored = await database.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ ...user, active: true });
      expect(stored.created_at).toBeInstanceOf(Date);
      expect(stored.updated_at).toBeInstanceOf(Date);
    });

    it('refuses a second user with the same email in any letter case, in any tenant', async () => {
      await database.db.insertInto('users').values(agent()).execute();
      await expect(
        database.db
          .insertInto('users')
          .values(agent({ email: 'ADA@Acme.Example', tenant_id: otherTenantId }))
          .execute(),
      ).rejects.toThrow(/users_email_key/);
    });

    it('refuses a role other than agent or administrator', async () => {
      await expect(
        database.db
          .insertInto('users')
          .values(agent({ role: 'root' }))
          .execute(),
      ).rejects.toThrow(/check constraint/);
    });

    it('refuses a user of a tenant that does not exist', async () => {
      await expect(
        database.db
          .insertInto('users')
          .values(agent({ tenant_id: uuidv7() }))
          .execute(),
      ).rejects.toThrow(/foreign key/);
    });

    it('deletes the users of a deleted tenant, and only those', async () => {
      await database.db
        .insertInto('users')
        .values([agent(), agent({ email: 'bob@globex.example', tenant_id: otherTenantId })])
        .execute();
      await database.db.deleteFrom('tenants').where('id', '=', tenantId).execute();
      const left = await database.db.selectFrom('users').select('email').execute();
      expect(left).toEqual([{ email: 'bob@globex.example' }]);
    });
  });

  it('returns the same JavaScript values as the other database', async () => {
    const { rows } = await sql<Record<string, unknown>>`
      select 9007199254740993::int8 as big, count(*) as counted, 2::int4 as small,
             1.25::numeric as exact, '2024-02-29'::date as day,
             '2024-02-29T10:00:00Z'::timestamptz as instant, '{"a": [1]}'::jsonb as document,
             array['view', 'edit']::text[] as list, true as flag`.execute(database.db);
    expect(rows[0]).toEqual({
      big: '9007199254740993',
      counted: '1',
      small: 2,
      exact: '1.25',
      day: '2024-02-29',
      instant: new Date('2024-02-29T10:00:00Z'),
      document: { a: [1] },
      list: ['view', 'edit'],
      flag: true,
    });
  });

  it('counts the rows an insert, update and delete affected', async () => {
    await migrateToLatest(database.db);
    const inserted = await database.db
      .insertInto('tenants')
      .values([
        { id: uuidv7(), name: 'A' },
        { id: uuidv7(), name: 'B' },
      ])
      .executeTakeFirstOrThrow();
    expect(inserted.numInsertedOrUpdatedRows).toBe(2n);
    const updated = await database.db
      .updateTable('tenants')
      .set({ name: 'C' })
      .executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(2n);
    const deleted = await database.db
      .deleteFrom('tenants')
      .where('name', '=', 'C')
      .executeTakeFirstOrThrow();
    expect(deleted.numDeletedRows).toBe(2n);
  });

  describe('transactions', () => {
    beforeEach(async () => {
      await migrateToLatest(database.db);
    });

    const tenantNames = async () =>
      (await database.db.selectFrom('tenants').select('name').orderBy('name').execute()).map(
        (row) => row.name,
      );

    it('roll back everything when the callback throws', async () => {
      await expect(
        database.db.transaction().execute(async (trx) => {
          await trx.insertInto('tenants').values({ id: uuidv7(), name: 'Doomed' }).execute();
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await tenantNames()).toEqual([]);
    });

    it('keep a write made outside a transaction that another request rolls back', async () => {
      let insideStarted!: () => void;
      const started = new Promise<void>((resolve) => {
        insideStarted = resolve;
      });
      const rolledBack = database.db.transaction().execute(async (trx) => {
        await trx.insertInto('tenants').values({ id: uuidv7(), name: 'Inside' }).execute();
        insideStarted();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('roll back');
      });
      await started;
      await database.db.insertInto('tenants').values({ id: uuidv7(), name: 'Outside' }).execute();
      await expect(rolledBack).rejects.toThrow('roll back');
      expect(await tenantNames()).toEqual(['Outside']);
    });

    it('roll back to a savepoint and keep what came before it', async () => {
      const trx = await database.db.startTransaction().execute();
      await trx.insertInto('tenants').values({ id: uuidv7(), name: 'Kept' }).execute();
      const withSavepoint = await trx.savepoint('before_second').execute();
      await withSavepoint.insertInto('tenants').values({ id: uuidv7(), name: 'Undone' }).execute();
      await withSavepoint.rollbackToSavepoint('before_second').execute();
      await trx.commit().execute();
      expect(await tenantNames()).toEqual(['Kept']);
    });

    it('refuse to commit a transaction a failed statement aborted', async () => {
      await expect(
        database.db.transaction().execute(async (trx) => {
          await trx.insertInto('tenants').values({ id: uuidv7(), name: 'Lost' }).execute();
          await sql`select * from no_such_table`.execute(trx).catch(() => {});
        }),
      ).rejects.toBeInstanceOf(AbortedTransactionError);
      expect(await tenantNames()).toEqual([]);
    });
  });
});
