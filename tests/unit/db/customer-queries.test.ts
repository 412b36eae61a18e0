import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { customersByPhone } from '../../../lib/db/queries/customers-by-phone';
import { searchCustomers } from '../../../lib/db/queries/search-customers';
import { tasksOfCustomer } from '../../../lib/db/queries/tasks-of-customer';
import { writeOperation } from '../../../lib/db/write-operation';
import { freshDb, ids, makeCustomer, makeTask } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
});

describe('tasksOfCustomer', () => {
  it("R23: lists every task of the customer, newest first, and none of another's", async () => {
    const ann = makeCustomer(1);
    const bob = makeCustomer(2);
    const older = makeTask(1, { customerId: ann.id, createdAt: '2026-01-01T00:00:00.000Z' });
    const newer = makeTask(2, { customerId: ann.id, createdAt: '2026-02-01T00:00:00.000Z' });
    const bobs = makeTask(3, { customerId: bob.id });
    const independent = makeTask(4);
    const deleted = makeTask(5, { customerId: ann.id, deletedAt: '2026-03-01T00:00:00.000Z' });
    await writeOperation(db, {
      customers: [ann, bob],
      tasks: [older, newer, bobs, independent, deleted],
    });

    expect(ids(await tasksOfCustomer(db, ann.id))).toEqual([newer.id, older.id]);
    expect(ids(await tasksOfCustomer(db, ann.id, { offset: 1, limit: 1 }))).toEqual([older.id]);
  });
});

describe('customersByPhone', () => {
  it('R3: finds a customer by the number however it is written', async () => {
    const ann = makeCustomer(1, { phones: ['+14155550134', '+442071838750'] });
    const gone = makeCustomer(2, {
      phones: ['+14155550134'],
      deletedAt: '2026-01-01T00:00:00.000Z',
    });
    await writeOperation(db, { customers: [ann, gone] });

    expect(ids(await customersByPhone(db, '+1 (415) 555-0134'))).toEqual([ann.id]);
    expect(ids(await customersByPhone(db, '020 7183 8750', 'GB'))).toEqual([ann.id]);
    expect(await customersByPhone(db, 'not a number')).toEqual([]);
    expect(await customersByPhone(db, '+1 415 555 0199')).toEqual([]);
  });
});

describe('searchCustomers', () => {
  it('R4: finds customers by the start of their name, company, phone, email or CRM id', async () => {
    const ann = makeCustomer(1, {
      name: 'Ann Smith',
      company: 'Globex',
      phones: ['+14155550134'],
      emails: ['ann.smith@example.com'],
      externalIds: ['C-1001'],
    });
    const zoe = makeCustomer(2, { name: 'Zoë Smithers' });
    const bob = makeCustomer(3, { name: 'Bob Jones' });
    await writeOperation(db, { customers: [ann, zoe, bob] });

    expect(ids(await searchCustomers(db, 'smith'))).toEqual([ann.id, zoe.id]);
    expect(ids(await searchCustomers(db, 'zoe smi'))).toEqual([zoe.id]);
    for (const query of ['glob', '555-0134', 'ann.smith@ex', 'c-1001']) {
      expect(ids(await searchCustomers(db, query)), query).toEqual([ann.id]);
    }
    expect(await searchCustomers(db, '  ')).toEqual([]);
    expect(await searchCustomers(db, 'smith', 1)).toHaveLength(1);
  });
});
