import { beforeEach, describe, expect, it } from 'vitest';
import { importCustomers } from '../../../lib/db/customer-import-command';
import type { WrapupDb } from '../../../lib/db/database';
import { checkCustomerImport } from '../../../lib/db/queries/customer-import-check';
import { customerExport, taskExport } from '../../../lib/db/queries/export-records';
import { searchCustomers } from '../../../lib/db/queries/search-customers';
import { writeOperation } from '../../../lib/db/write-operation';
import { parseCsv } from '../../../lib/domain/csv-parse';
import { guessMapping } from '../../../lib/domain/customer-import-mapping';
import { PermissionError } from '../../../lib/domain/permission-error';
import { MUTATION_ARGS } from '../../../lib/domain/sync-mutations';
import { as } from './admin-fixtures';
import { AGENT, freshDb, makeCustomer, makeTask, testId } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
});

const FILE = [
  'Name,Phone,Email,Customer ID',
  'Ann Lee,+1 415 555 0134,ann@example.com,C-1',
  ',+1 415 555 0135,,C-2',
  'Bo Chan,(415) 555-0136,bo@example.com,',
  'Cy Dee,not a number,,',
  'Stored Again,+1 415 555 0199,,',
  'Di Eve,,di@example.com,C-9',
].join('\r\n');

async function checkFile(text = FILE) {
  const [headers = [], ...records] = parseCsv(text);
  return checkCustomerImport(db, { headers, records }, guessMapping(headers), {
    defaultCountry: 'US',
  });
}

describe('customer import into the store', () => {
  it('R3: stores only the good rows, whole, found by search; reports the others by row', async () => {
    await writeOperation(db, {
      customers: [makeCustomer(1, { name: 'Stored', phones: ['+14155550199'] })],
    });
    const check = await checkFile();
    expect(check.problems).toEqual([
      { row: 3, column: 'Name', message: 'Name is required.' },
      { row: 5, column: 'Phone', message: 'Not a valid phone number; include the country code.' },
      { row: 6, column: 'Phone', message: 'Already a customer: Stored has this phone number.' },
    ]);
    const progress: [number, number][] = [];
    const outcome = await importCustomers(db, check.rows, as(AGENT), {
      batchSize: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(outcome).toEqual({ imported: 3, skipped: [] });
    expect(progress).toEqual([
      [0, 3],
      [2, 3],
      [3, 3],
    ]);
    const names = (await db.customers.toArray()).map((customer) => customer.name).sort();
    expect(names).toEqual(['Ann Lee', 'Bo Chan', 'Di Eve', 'Stored']);
    const bo = (await searchCustomers(db, 'bo chan'))[0];
    expect(bo).toMatchObject({ phones: ['+14155550136'], emails: ['bo@example.com'], version: 0 });
    expect(await db.customers.filter((c) => c.phones.includes('+14155550135')).count()).toBe(0);
  });

  it('queues a customer.create the server accepts for each imported customer, and no other', async () => {
    const check = await checkFile();
    await importCustomers(db, check.rows, as(AGENT), { batchSize: 2 });
    const rows = await db.outbox.orderBy('seq').toArray();
    const stored = await db.customers.toArray();
    expect(rows.map((row) => row.name)).toEqual(stored.map(() => 'customer.create'));
    expect(rows.map((row) => row.entityId).sort()).toEqual(stored.map(({ id }) => id).sort());
    for (const row of rows) {
      expect(
        MUTATION_ARGS['customer.create'].safeParse(JSON.parse(JSON.stringify(row.args))).success,
      ).toBe(true);
    }
    expect(
      rows.find((row) => row.entityId === stored.find((c) => c.name === 'Bo Chan')?.id)?.args,
    ).toMatchObject({
      name: 'Bo Chan',
      phones: ['+14155550136'],
    });
  });

  it('skips a row a customer stored since the check now duplicates, and reports it', async () => {
    const check = await checkFile();
    await writeOperation(db, {
      customers: [makeCustomer(2, { name: 'Synced Ann', externalIds: ['C-1'] })],
    });
    const outcome = await importCustomers(db, check.rows, as(AGENT));
    expect(outcome.imported).toBe(3);
    expect(outcome.skipped).toEqual([
      { row: 2, column: null, message: 'Already a customer: Synced Ann has this external id.' },
    ]);
  });

  it('R24: without the create permission nothing is stored', async () => {
    await db.users.put({
      id: AGENT,
      name: 'Viewer',
      email: 'v@example.com',
      role: 'agent',
      permissions: ['view'],
      active: true,
    });
    const check = await checkFile();
    await expect(importCustomers(db, check.rows, as(AGENT))).rejects.toBeInstanceOf(
      PermissionError,
    );
    expect(await db.customers.count()).toBe(0);
  });
});

describe('export from the store', () => {
  it('exports the tasks created in the range, not deleted, with names and custom fields', async () => {
    const customer = makeCustomer(1, { name: 'Ann Lee' });
    await writeOperation(db, {
      customers: [customer],
      tasks: [
        makeTask(1, { createdAt: '2026-03-01T10:00:00.000Z', customerId: customer.id }),
        makeTask(2, { createdAt: '2026-03-05T10:00:00.000Z' }),
        makeTask(3, { createdAt: '2026-03-01T11:00:00.000Z', deletedAt: '2026-03-02T00:00:00Z' }),
        makeTask(4, { createdAt: '2026-02-28T10:00:00.000Z', fields: { size: 3 } }),
      ],
      fieldDefinitions: [
        {
          id: testId(800_001),
          key: 'size',
          label: 'Size',
          type: 'number',
          required: false,
          options: [],
          defaultValue: null,
          order: 0,
          archived: false,
          appliesTo: [],
        },
      ],
    });
    const records = await taskExport(db, {
      from: '2026-02-28T00:00:00.000Z',
      until: '2026-03-02T00:00:00.000Z',
    });
    expect(records[0]?.at(-1)).toBe('Size');
    expect(records.slice(1).map((row) => [row[3], row[5], row.at(-1)])).toEqual([
      ['Task 4', '', '3'],
      ['Task 1', 'Ann Lee', ''],
    ]);
  });

  it('exports the customers created in the range, by name', async () => {
    await writeOperation(db, {
      customers: [
        makeCustomer(1, { name: 'Zed', createdAt: '2026-03-01T10:00:00.000Z' }),
        makeCustomer(2, { name: 'Amy', createdAt: '2026-03-01T11:00:00.000Z' }),
        makeCustomer(3, { name: 'Old', createdAt: '2025-01-01T11:00:00.000Z' }),
      ],
    });
    const records = await customerExport(db, { from: '2026-01-01T00:00:00.000Z', until: null });
    expect(records.slice(1).map((row) => row[0])).toEqual(['Amy', 'Zed']);
  });
});
