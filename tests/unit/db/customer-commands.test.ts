import { beforeEach, describe, expect, it } from 'vitest';
import { saveCustomerEdit, saveNewCustomer } from '../../../lib/db/customer-commands';
import type { WrapupDb } from '../../../lib/db/database';
import { customersByPhone } from '../../../lib/db/queries/customers-by-phone';
import { searchCustomers } from '../../../lib/db/queries/search-customers';
import { searchTasks } from '../../../lib/db/queries/search-tasks';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import { saveNewTask } from '../../../lib/db/task-commands';
import { CustomerDeletedError } from '../../../lib/domain/customer-deleted-error';
import { PermissionError } from '../../../lib/domain/permission-error';
import type { User } from '../../../lib/domain/user';
import { ValidationError } from '../../../lib/domain/validation-error';
import { as } from './admin-fixtures';
import { AGENT, freshDb, ids, testId } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
});

const VIEWER = testId(900_060);
const viewer: User = {
  id: VIEWER,
  name: 'Vic Viewer',
  email: 'vic@example.com',
  role: 'agent',
  permissions: ['view'],
  active: true,
};

describe('customer commands', () => {
  it('R3, R4: a new customer is stored with E.164 phones and found by search and by number', async () => {
    const customer = await saveNewCustomer(
      db,
      { name: 'Zoë Quinn', phones: ['+1 (415) 555-0134'], emails: ['zoe@example.com'] },
      as(AGENT),
    );

    expect(customer).toMatchObject({ phones: ['+14155550134'], version: 0, deletedAt: null });
    expect(await db.customers.get(customer.id)).toEqual(customer);
    expect((await searchCustomers(db, 'zoe qu')).map((found) => found.id)).toEqual([customer.id]);
    expect((await customersByPhone(db, '(415) 555-0134', 'US')).map((found) => found.id)).toEqual([
      customer.id,
    ]);
  });

  it('R4: bad details are refused one message per field, and nothing is stored', async () => {
    const bad = saveNewCustomer(
      db,
      { name: ' ', phones: ['12'], emails: ['not-an-email'] },
      as(AGENT),
    );
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
    expect(await db.customers.count()).toBe(0);
    await expect(
      saveNewCustomer(db, { name: 'Ann', phones: ['12'] }, as(AGENT)),
    ).rejects.toMatchObject({
      issues: [
        { path: 'phones.0', message: 'Not a valid phone number; include the country code.' },
      ],
    });
  });

  it('R23, R21: renaming a customer makes their tasks findable by the new name', async () => {
    const customer = await saveNewCustomer(db, { name: 'Ann Smith' }, as(AGENT));
    const task = await saveNewTask(
      db,
      { kind: 'call', subject: 'Refund', customerId: customer.id },
      as(AGENT, 1),
    );
    await catchUpSearchIndex(db);

    const renamed = await saveCustomerEdit(db, customer.id, { name: 'Ann Jones' }, as(AGENT, 2));
    await catchUpSearchIndex(db);

    expect(renamed).toMatchObject({ name: 'Ann Jones', version: 1, updatedAt: as(AGENT, 2).now });
    expect(ids((await searchTasks(db, 'jones')).tasks)).toEqual([task.id]);
    expect((await searchTasks(db, 'smith')).tasks).toEqual([]);
    expect((await searchCustomers(db, 'jones')).map((found) => found.id)).toEqual([customer.id]);
  });

  it('an edit that changes nothing stores nothing', async () => {
    const customer = await saveNewCustomer(db, { name: 'Ann Smith' }, as(AGENT));
    const same = await saveCustomerEdit(db, customer.id, { name: 'Ann Smith' }, as(AGENT, 1));
    expect(same).toEqual(customer);
    expect(await db.customers.get(customer.id)).toEqual(customer);
  });

  it('R24: creating a customer takes create, editing one takes edit; deleted ones stay deleted', async () => {
    const customer = await saveNewCustomer(db, { name: 'Ann Smith' }, as(AGENT));
    await db.users.put(viewer);
    await expect(saveNewCustomer(db, { name: 'Bob' }, as(VIEWER))).rejects.toMatchObject({
      action: 'create',
      message: 'You are not allowed to create customers.',
    });
    await expect(
      saveCustomerEdit(db, customer.id, { notes: 'VIP' }, as(VIEWER)),
    ).rejects.toBeInstanceOf(PermissionError);

    await db.customers.update(customer.id, { deletedAt: as(AGENT, 5).now });
    await expect(
      saveCustomerEdit(db, customer.id, { notes: 'VIP' }, as(AGENT, 6)),
    ).rejects.toBeInstanceOf(CustomerDeletedError);
  });
});
