import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import {
  saveAssignee,
  saveClone,
  saveDelete,
  saveNewTask,
  saveSchedule,
  saveStatus,
  saveTaskEdit,
} from '../../../lib/db/task-commands';
import type { Id } from '../../../lib/domain/ids';
import { PermissionError } from '../../../lib/domain/permission-error';
import type { Task } from '../../../lib/domain/task';
import type { Permission, User } from '../../../lib/domain/user';
import { freshDb, OTHER_AGENT, testId } from './fixtures';

let db: WrapupDb;
let task: Task;
const OWNER = testId(900_100);
const LIMITED = testId(900_101);

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();
const as = (actorId: Id, minute = 1) => ({ actorId, now: at(minute) });

function user(permissions: Permission[], overrides: Partial<User> = {}): User {
  return {
    id: LIMITED,
    name: 'Limited Agent',
    email: 'limited@example.com',
    role: 'agent',
    permissions,
    active: true,
    ...overrides,
  };
}

/** The acting user's record as the administrator left it in the store. */
async function grant(permissions: Permission[], overrides: Partial<User> = {}) {
  await db.users.put(user(permissions, overrides));
}

async function snapshot() {
  return {
    tasks: await db.tasks.toArray(),
    history: await db.history.toArray(),
    queue: await db.searchQueue.toArray(),
  };
}

/** The command is refused with PermissionError naming `action`, and nothing is written. */
async function expectRefused(action: string, run: () => Promise<unknown>) {
  const before = await snapshot();
  const attempt = run();
  await expect(attempt).rejects.toBeInstanceOf(PermissionError);
  await expect(attempt).rejects.toMatchObject({ action });
  expect(await snapshot()).toEqual(before);
}

beforeEach(async () => {
  db = await freshDb();
  // OWNER has no record in the store: the local agent, with every agent permission.
  task = await saveNewTask(db, { kind: 'call', subject: 'Call back' }, as(OWNER, 0));
});

describe('task commands check the acting user (R24)', () => {
  it('R24: a user the store does not know yet acts as a local agent with every agent permission', async () => {
    const stranger = testId(900_199);
    const clone = await saveClone(db, task.id, as(stranger));
    await saveTaskEdit(db, clone.id, { subject: 'Mine now' }, as(stranger, 2));
    await saveStatus(db, clone.id, 'completed', as(stranger, 3));
    await saveDelete(db, clone.id, as(stranger, 4));
    expect((await db.tasks.get(clone.id))?.deletedAt).toBe(at(4));
  });

  it('R24: creating a task needs the create permission', async () => {
    await grant(['view', 'edit', 'delete', 'change_status']);
    await expectRefused('create', () =>
      saveNewTask(db, { kind: 'email', subject: 'Quote' }, as(LIMITED)),
    );
    await grant(['view', 'create']);
    expect((await saveNewTask(db, { kind: 'email', subject: 'Quote' }, as(LIMITED))).kind).toBe(
      'email',
    );
  });

  it('R24: editing a task needs the edit permission', async () => {
    await grant(['view', 'create', 'delete', 'change_status']);
    await expectRefused('edit', () => saveTaskEdit(db, task.id, { notes: 'x' }, as(LIMITED)));
    await grant(['view', 'edit']);
    expect((await saveTaskEdit(db, task.id, { notes: 'x' }, as(LIMITED))).notes).toBe('x');
  });

  it('R24: changing the status needs change_status, and an edit with a status needs both', async () => {
    await grant(['view', 'edit']);
    await expectRefused('change_status', () => saveStatus(db, task.id, 'completed', as(LIMITED)));
    await grant(['view', 'change_status']);
    await expectRefused('edit', () =>
      saveTaskEdit(db, task.id, { status: 'completed', notes: 'done' }, as(LIMITED)),
    );
    expect((await saveStatus(db, task.id, 'completed', as(LIMITED))).status).toBe('completed');
  });

  it('R24: assigning a task needs the edit permission', async () => {
    await grant(['view', 'change_status']);
    await expectRefused('edit', () => saveAssignee(db, task.id, OTHER_AGENT, as(LIMITED)));
  });

  it('R24: scheduling a call needs the edit permission', async () => {
    await grant(['view', 'change_status']);
    const schedule = { scheduledAt: '2026-03-02T15:00:00.000Z', reminderLeadMinutes: 5 };
    await expectRefused('edit', () => saveSchedule(db, task.id, schedule, as(LIMITED)));
  });

  it('R19: cloning needs both the create and the edit permission', async () => {
    await grant(['view', 'create']);
    await expectRefused('clone', () => saveClone(db, task.id, as(LIMITED)));
    await grant(['view', 'edit']);
    await expectRefused('clone', () => saveClone(db, task.id, as(LIMITED)));
    await grant(['view', 'create', 'edit']);
    expect((await saveClone(db, task.id, as(LIMITED))).parentId).toBe(task.id);
  });

  it('R24: deleting a task needs the delete permission', async () => {
    await grant(['view', 'create', 'edit', 'change_status']);
    await expectRefused('delete', () => saveDelete(db, task.id, as(LIMITED)));
    await grant(['view', 'delete']);
    await saveDelete(db, task.id, as(LIMITED));
    expect((await db.tasks.get(task.id))?.deletedAt).toBe(at(1));
  });

  it('R24: a task the user may not view cannot be changed either', async () => {
    await grant(['edit', 'delete']);
    await expectRefused('view', () => saveTaskEdit(db, task.id, { notes: 'x' }, as(LIMITED)));
    await expectRefused('view', () => saveDelete(db, task.id, as(LIMITED)));
  });

  it('R24: an inactive user may do nothing, an administrator everything', async () => {
    await grant(['view', 'create', 'edit', 'delete', 'change_status'], { active: false });
    await expectRefused('create', () =>
      saveNewTask(db, { kind: 'call', subject: 'Nope' }, as(LIMITED)),
    );
    await expectRefused('view', () => saveStatus(db, task.id, 'completed', as(LIMITED)));
    await grant([], { role: 'administrator' });
    expect((await saveStatus(db, task.id, 'completed', as(LIMITED))).status).toBe('completed');
  });
});
