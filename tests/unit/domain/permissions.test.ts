import { describe, expect, it } from 'vitest';
import { changeStatus } from '../../../lib/domain/change-status';
import { createTask } from '../../../lib/domain/create-task';
import { editTask } from '../../../lib/domain/edit-task';
import { PermissionError } from '../../../lib/domain/permission-error';
import {
  assertCan,
  can,
  checkPermission,
  editPermissions,
  type TaskAction,
} from '../../../lib/domain/permissions';
import type { Permission } from '../../../lib/domain/user';
import { CUSTOMER, OTHER_AGENT, onlyTask, testContext, user } from './support';

const ACTIONS: TaskAction[] = ['view', 'create', 'edit', 'delete', 'change_status', 'clone'];

function agentWith(...permissions: Permission[]) {
  return user({ permissions });
}

function someTask() {
  return onlyTask(createTask({ kind: 'call', subject: 'S' }, testContext().ctx));
}

describe('permissions', () => {
  it('R19: cloning is allowed only with both create and edit', () => {
    expect(can(agentWith('view', 'create', 'edit'), 'clone')).toBe(true);
    expect(can(agentWith('view', 'create'), 'clone')).toBe(false);
    expect(can(agentWith('view', 'edit'), 'clone')).toBe(false);
    expect(can(agentWith('view', 'delete', 'change_status'), 'clone')).toBe(false);
    expect(checkPermission(agentWith('view'), 'clone')).toEqual({
      allowed: false,
      reason: 'You are not allowed to create and edit tasks.',
    });
  });

  it('R21: an agent with view, create and edit may view, create and edit tasks', () => {
    const agent = agentWith('view', 'create', 'edit');
    const task = someTask();
    expect(can(agent, 'view', task)).toBe(true);
    expect(can(agent, 'create')).toBe(true);
    expect(can(agent, 'edit', task)).toBe(true);
    expect(can(agent, 'delete', task)).toBe(false);
  });

  it('R23: an agent who may view opens any task of a customer, whoever it is assigned to', () => {
    const { ctx } = testContext();
    const othersTask = onlyTask(
      createTask(
        { kind: 'email', subject: 'S', customerId: CUSTOMER, assigneeId: OTHER_AGENT },
        ctx,
      ),
    );
    expect(can(agentWith('view'), 'view', othersTask)).toBe(true);
    expect(can(agentWith('create'), 'view', othersTask)).toBe(false);
  });

  it('R24: editing and deleting need the edit and delete permissions', () => {
    const task = someTask();
    expect(can(agentWith('view', 'delete'), 'edit', task)).toBe(false);
    expect(can(agentWith('view', 'edit'), 'edit', task)).toBe(true);
    expect(can(agentWith('view', 'edit'), 'delete', task)).toBe(false);
    expect(can(agentWith('view', 'delete'), 'delete', task)).toBe(true);
  });

  it('R24: assertCan refuses with a PermissionError carrying the action and the reason', () => {
    const task = someTask();
    let thrown: unknown;
    try {
      assertCan(agentWith('view'), 'delete', task);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PermissionError);
    expect(thrown).toMatchObject({
      action: 'delete',
      reason: 'You are not allowed to delete tasks.',
      message: 'You are not allowed to delete tasks.',
    });
    expect(() => assertCan(agentWith('view', 'delete'), 'delete', task)).not.toThrow();
  });

  it('R24: a status change needs change_status; other changes need edit', () => {
    const { ctx } = testContext();
    const task = someTask();
    expect(editPermissions(changeStatus(task, 'completed', ctx).history)).toEqual([
      'change_status',
    ]);
    expect(editPermissions(editTask(task, { notes: 'n' }, ctx).history)).toEqual(['edit']);
    expect(
      editPermissions(editTask(task, { notes: 'n', status: 'cancelled' }, ctx).history).sort(),
    ).toEqual(['change_status', 'edit']);
    expect(
      editPermissions(editTask(task, { scheduledAt: '2026-04-01T10:00:00.000Z' }, ctx).history),
    ).toEqual(['edit']);
    expect(editPermissions(editTask(task, { status: 'open' }, ctx).history)).toEqual([]);
  });

  it('R24: administrators may do everything; inactive users nothing', () => {
    const task = someTask();
    const admin = user({ role: 'administrator', permissions: [] });
    const inactiveAdmin = user({ role: 'administrator', active: false });
    for (const action of ACTIONS) {
      expect(can(admin, action, task)).toBe(true);
      expect(can(inactiveAdmin, action, task)).toBe(false);
    }
    expect(checkPermission(inactiveAdmin, 'view')).toEqual({
      allowed: false,
      reason: 'Your account is inactive.',
    });
  });

  it('R24: a deleted task can still be viewed but nothing else, not even by an administrator', () => {
    const deleted = { ...someTask(), deletedAt: '2026-03-02T10:00:00.000Z' };
    const admin = user({ role: 'administrator' });
    expect(can(admin, 'view', deleted)).toBe(true);
    for (const action of ACTIONS.filter((action) => action !== 'view')) {
      expect(checkPermission(admin, action, deleted)).toEqual({
        allowed: false,
        reason: 'This task was deleted.',
      });
    }
  });
});
