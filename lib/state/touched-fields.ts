import type { TaskFormValues } from './task-form-values';

/** A form value's path: a built-in field's name, or `fields.<key>` for a custom field. */
export type FormPath = Exclude<keyof TaskFormValues, 'fields'> | `fields.${string}`;

/** The paths a change to the form's values touches. */
export function pathsOf(patch: Partial<TaskFormValues>): FormPath[] {
  const paths: FormPath[] = [];
  for (const name of Object.keys(patch) as (keyof TaskFormValues)[]) {
    if (name === 'fields') {
      for (const key of Object.keys(patch.fields ?? {})) paths.push(`fields.${key}`);
    } else {
      paths.push(name);
    }
  }
  return paths;
}

function copy<K extends keyof TaskFormValues>(
  target: TaskFormValues,
  source: TaskFormValues,
  name: K,
): void {
  target[name] = source[name];
}

/**
 * `under` with the `touched` paths taken from `over`: a stored draft read back after the agent
 * already typed into the form keeps its values, and what was typed since stays on top.
 */
export function overlayTouched(
  under: TaskFormValues,
  over: TaskFormValues,
  touched: ReadonlySet<FormPath>,
): TaskFormValues {
  const merged: TaskFormValues = { ...under, fields: { ...under.fields } };
  for (const path of touched) {
    if (path.startsWith('fields.')) {
      const key = path.slice('fields.'.length);
      const value = over.fields[key];
      if (value === undefined) delete merged.fields[key];
      else merged.fields[key] = value;
    } else {
      copy(merged, over, path as Exclude<FormPath, `fields.${string}`>);
    }
  }
  return merged;
}
