import { openWrapupDb, type WrapupDb } from '../../../lib/db/database';
import type { Customer } from '../../../lib/domain/customer';
import type { Id } from '../../../lib/domain/ids';
import type { Task } from '../../../lib/domain/task';

let counter = 0;

/** A deterministic UUIDv7-shaped id: `n` orders them as creation would. */
export function testId(n: number): Id {
  const hex = n.toString(16).padStart(12, '0');
  return `0190a000-0000-7000-8000-${hex}`;
}

export const AGENT = testId(900_001);
export const OTHER_AGENT = testId(900_002);

/** A new, empty database of its own for each test. */
export async function freshDb(): Promise<WrapupDb> {
  counter += 1;
  const db = openWrapupDb(`wrapup-test-${counter}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  return db;
}

export function makeTask(n: number, overrides: Partial<Task> = {}): Task {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return {
    id: testId(n),
    number: null,
    kind: 'call',
    origin: 'manual',
    subject: `Task ${n}`,
    notes: '',
    status: 'open',
    customerId: null,
    assigneeId: AGENT,
    transactionId: null,
    transactionCodes: [],
    call: null,
    dueAt: null,
    scheduledAt: null,
    reminderLeadMinutes: null,
    remindAt: null,
    fields: {},
    parentId: null,
    parentNumber: null,
    reference: null,
    createdAt: at,
    updatedAt: at,
    createdBy: AGENT,
    updatedBy: AGENT,
    version: 0,
    deletedAt: null,
    loggedAt: null,
    loggedBy: null,
    ...overrides,
  };
}

export type CallDetails = NonNullable<Task['call']>;

/** An inbound call from +44 20 7946 0000 that ended at `endedAt` after `durationSeconds` (60). */
export function endedCall(endedAt: string, overrides: Partial<CallDetails> = {}): CallDetails {
  const seconds = overrides.durationSeconds ?? 60;
  return {
    number: '+442079460000',
    callerName: null,
    direction: 'inbound',
    queue: null,
    campaign: null,
    startedAt: new Date(Date.parse(endedAt) - seconds * 1000).toISOString(),
    connectedAt: null,
    endedAt,
    durationSeconds: seconds,
    ...overrides,
  };
}

export function makeCustomer(n: number, overrides: Partial<Customer> = {}): Customer {
  const at = new Date(Date.UTC(2025, 11, 1) + n * 60_000).toISOString();
  return {
    id: testId(500_000 + n),
    name: `Customer ${n}`,
    phones: [],
    emails: [],
    company: null,
    externalIds: [],
    notes: '',
    createdAt: at,
    updatedAt: at,
    version: 0,
    deletedAt: null,
    ...overrides,
  };
}

export const ids = (tasks: readonly { id: Id }[]) => tasks.map((task) => task.id);
