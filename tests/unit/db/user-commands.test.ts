import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { saveClone, saveNewTask } from '../../../lib/db/task-commands';
import { saveNewUser, saveUserEdit, saveUserPermissions } from '../../../lib/db/user-commands';
import { PermissionError } from '../../../lib/domain/permission-error';
import { ValidationError } from '../../../lib/domain/validation-error';
import { ADMIN, as, withAdministrator } from './admin-fixtures';
import { freshDb } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
  await withAdministrator(db);
});

const bea = { name: 'Bea Agent', email: 'bea@example.com', role: 'agent' as const };

describe('user commands', () => {
  it('R24: an administrator adds an agent, who has only the permissions granted', async () => {
    const user = await saveNewUser(db, { ...bea, permissions: ['view', 'create'] }, as(ADMIN));

    expect(await db.users.get(user.id)).toEqual({
      ...bea,
      id: user.id,
      permissions: ['view', 'create'],
      active: true,
    });
    await expect(
      saveNewTask(db, { kind: 'call', subject: 'Mine' }, as(user.id, 1)),
    ).resolves.toBeDefined();
  });

  it('R19, R24: granting create and edit lets the agent clone; the change applies at once', async () => {
    const user = await saveNewUser(db, { ...bea, permissions: ['view', 'create'] }, as(ADMIN));
    const task = await saveNewTask(db, { kind: 'call', subject: 'Order issue' }, as(user.id, 1));
    await expect(saveClone(db, task.id, as(user.id, 2))).rejects.toBeInstanceOf(PermissionError);

    const granted = await saveUserPermissions(
      db,
      user.id,
      ['edit', 'create', 'view', 'edit'],
      as(ADMIN, 3),
    );

    expect(granted.permissions).toEqual(['view', 'create', 'edit']);
    expect((await saveClone(db, task.id, as(user.id, 4))).parentId).toBe(task.id);
  });

  it('R24: emails are unique, and an administrator cannot lock themselves out', async () => {
    const user = await saveNewUser(db, bea, as(ADMIN));
    await expect(
      saveNewUser(db, { ...bea, email: 'BEA@example.com' }, as(ADMIN, 1)),
    ).rejects.toMatchObject({
      issues: [{ path: 'email', message: 'Another user already has this email address.' }],
    });
    const lockout = saveUserEdit(db, ADMIN, { active: false, role: 'agent' }, as(ADMIN, 2));
    await expect(lockout).rejects.toBeInstanceOf(ValidationError);
    await expect(lockout).rejects.toMatchObject({
      issues: [
        { path: 'active', message: 'You cannot deactivate yourself.' },
        { path: 'role', message: 'You cannot give up your own administrator role.' },
      ],
    });
    const deactivated = await saveUserEdit(db, user.id, { active: false }, as(ADMIN, 3));
    expect(deactivated.active).toBe(false);
  });

  it('R24: an agent cannot add users or grant themselves permissions', async () => {
    const user = await saveNewUser(db, { ...bea, permissions: ['view'] }, as(ADMIN));
    await expect(
      saveNewUser(db, { ...bea, email: 'x@example.com' }, as(user.id)),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(
      saveUserPermissions(db, user.id, ['view', 'create', 'edit', 'delete'], as(user.id)),
    ).rejects.toMatchObject({ action: 'administer' });
    expect((await db.users.get(user.id))?.permissions).toEqual(['view']);
  });
});
