import type { HistoryEntry } from './history';
import type { OperationResult } from './operation';
import { PermissionError } from './permission-error';
import type { Task } from './task';
import type { Permission, User } from './user';

/** What a user may try on tasks: the granted permissions, plus cloning, which needs two. */
export type TaskAction = Permission | 'clone';

export type PermissionCheck = { allowed: true } | { allowed: false; reason: string };

const ACTION_NAMES: Record<Permission, string> = {
  view: 'view',
  create: 'create',
  edit: 'edit',
  delete: 'delete',
  change_status: 'change the status of',
};

/** Cloning makes a new task from an existing form, so it takes both rights (R19). */
const NEEDS: Record<TaskAction, readonly Permission[]> = {
  view: ['view'],
  create: ['create'],
  edit: ['edit'],
  delete: ['delete'],
  change_status: ['change_status'],
  clone: ['create', 'edit'],
};

/**
 * Whether `user` may do `action` (on `task`, when given), and why not (R19, R24). Administrators
 * may do everything, inactive users nothing; a deleted task can only be viewed.
 */
export function checkPermission(user: User, action: TaskAction, task?: Task): PermissionCheck {
  if (!user.active) return { allowed: false, reason: 'Your account is inactive.' };
  if (task && task.deletedAt !== null && action !== 'view') {
    return { allowed: false, reason: 'This task was deleted.' };
  }
  if (user.role === 'administrator') return { allowed: true };
  const missing = NEEDS[action].filter((permission) => !user.permissions.includes(permission));
  if (missing.length === 0) return { allowed: true };
  const names = missing.map((permission) => ACTION_NAMES[permission]).join(' and ');
  return { allowed: false, reason: `You are not allowed to ${names} tasks.` };
}

export function can(user: User, action: TaskAction, task?: Task): boolean {
  return checkPermission(user, action, task).allowed;
}

/** Throws PermissionError with the reason when `user` may not do `action`. */
export function assertCan(user: User, action: TaskAction, task?: Task): void {
  const check = checkPermission(user, action, task);
  if (!check.allowed) throw new PermissionError(action, check.reason);
}

/**
 * The permissions an edit's history entries call for: a new status needs change_status, any
 * other change needs edit (R24). The reminder time follows the schedule, so it asks for nothing.
 */
export function editPermissions(history: readonly HistoryEntry[]): Permission[] {
  const needed = new Set<Permission>();
  for (const { event } of history) {
    if (event.type !== 'changed' || event.field === 'remindAt') continue;
    needed.add(event.field === 'status' ? 'change_status' : 'edit');
  }
  return [...needed];
}

/**
 * The permissions an edit's result calls for (editPermissions). Logging a call rides on the
 * save's own permission; a save that changed nothing but that (call-log.ts) counts as an edit,
 * so a user who may only view a log cannot take it off its agent's queue.
 */
export function editResultPermissions(task: Task, result: OperationResult): Permission[] {
  const needed = editPermissions(result.history);
  const edited = result.tasks.find((candidate) => candidate.id === task.id);
  const logs = !task.loggedAt && Boolean(edited?.loggedAt);
  return needed.length === 0 && logs ? ['edit'] : needed;
}

/** Customers take the same create, edit and delete permissions as tasks (R24). */
export function assertCanOnCustomers(user: User, action: 'create' | 'edit' | 'delete'): void {
  const check = checkPermission(user, action);
  if (!check.allowed) {
    throw new PermissionError(action, check.reason.replace(/ tasks\.$/, ' customers.'));
  }
}

/**
 * Custom fields, transaction codes and users are the administrator's (R20): throws
 * PermissionError saying what only they may do, `doing` being "add transaction codes", say.
 */
export function assertAdministrator(user: User, doing: string): void {
  if (!user.active) throw new PermissionError('administer', 'Your account is inactive.');
  if (user.role !== 'administrator') {
    throw new PermissionError('administer', `Only administrators can ${doing}.`);
  }
}
