import type { CreatedRange } from '../../domain/created-range';
import { createdWithin } from '../../domain/created-range';
import { customerExportRecords } from '../../domain/customer-export';
import { taskExportRecords } from '../../domain/task-export';
import type { WrapupDb } from '../database';

/**
 * The stored tasks created in the range, not deleted, oldest first, as CSV records with their
 * customers' and assignees' names and every custom field.
 */
export async function taskExport(db: WrapupDb, range: CreatedRange): Promise<string[][]> {
  const tasks = await db.tasks
    .filter((task) => task.deletedAt === null && createdWithin(task.createdAt, range))
    .toArray();
  tasks.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const customerIds = [...new Set(tasks.flatMap((task) => task.customerId ?? []))];
  const customers = await db.customers.bulkGet(customerIds);
  const users = await db.users.toArray();
  return taskExportRecords(tasks, {
    customers: new Map(
      customers.flatMap((customer) => (customer ? [[customer.id, customer]] : [])),
    ),
    users: new Map(users.map((user) => [user.id, user])),
    fields: await db.fieldDefinitions.toArray(),
  });
}

/** The stored customers created in the range, not deleted, by name, as CSV records. */
export async function customerExport(db: WrapupDb, range: CreatedRange): Promise<string[][]> {
  const customers = await db.customers
    .filter((customer) => customer.deletedAt === null && createdWithin(customer.createdAt, range))
    .toArray();
  customers.sort((a, b) => a.name.localeCompare(b.name));
  return customerExportRecords(customers);
}
