import type { Id } from '../domain/ids';
import type { TaskFormValues } from './task-form-values';

/** Someone else changed the task while the agent had unsaved edits in its form. */
export interface EditConflict {
  byId: Id;
  /** The user's name as this device knows it; null until known (or when it is not). */
  byName: string | null;
  at: string;
  /** The form paths whose stored value changed: `subject`, `fields.order_no`… */
  paths: readonly string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The form fields whose values differ between two stored versions of a task. */
export function changedPaths(before: TaskFormValues, after: TaskFormValues): string[] {
  const paths: string[] = [];
  for (const key of Object.keys(after) as (keyof TaskFormValues)[]) {
    if (key !== 'fields' && !same(before[key], after[key])) paths.push(key);
  }
  const keys = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  for (const key of keys) {
    if (!same(before.fields[key], after.fields[key])) paths.push(`fields.${key}`);
  }
  return paths;
}

/** A further change joins the marks of the earlier ones, so none goes unmarked. */
export function joinConflicts(earlier: EditConflict | null, next: EditConflict): EditConflict {
  if (!earlier) return next;
  return { ...next, paths: [...new Set([...earlier.paths, ...next.paths])] };
}
