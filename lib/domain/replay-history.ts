import { isFieldKey } from './field-key';
import type { HistoryEntry } from './history';
import {
  TASK_VALUE_KEYS,
  type TaskValueKey,
  type TaskValues,
  TaskValuesSchema,
} from './task-values';

const VALUE_KEYS = new Set<string>(TASK_VALUE_KEYS);
const CUSTOM_FIELD_PREFIX = 'fields.';

function setValue(values: TaskValues, field: string, value: unknown) {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = field.slice(CUSTOM_FIELD_PREFIX.length);
    if (isFieldKey(key))
      values.fields[key] = structuredClone(value) as TaskValues['fields'][string];
  } else if (VALUE_KEYS.has(field)) {
    (values as Record<TaskValueKey, unknown>)[field as TaskValueKey] = structuredClone(value);
  }
}

/**
 * Rebuilds a task's values from its history alone (R25): the 'created' entry's values, then
 * every change in time order (entries at the same instant keep their given order). Events that
 * change no value (clone links, reminders, deletion) are passed over; a field the entries name
 * but this version does not know is skipped.
 */
export function replayHistory(entries: readonly HistoryEntry[]): TaskValues {
  const ordered = [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const [first, ...rest] = ordered;
  if (first?.event.type !== 'created') {
    throw new Error('A task history must start with its creation.');
  }
  const taskId = first.taskId;
  const values = TaskValuesSchema.parse(structuredClone(first.event.values));
  for (const { taskId: entryTaskId, event } of rest) {
    if (entryTaskId !== taskId) throw new Error('These history entries are of several tasks.');
    switch (event.type) {
      case 'created':
        throw new Error('A task history has one creation.');
      case 'changed':
        setValue(values, event.field, event.to);
        break;
      case 'conflict_resolved':
        setValue(values, event.field, event.kept);
        break;
      case 'parent_deleted':
        values.parentId = null;
        values.parentNumber = event.parentNumber;
        break;
      default:
        break;
    }
  }
  return values;
}
