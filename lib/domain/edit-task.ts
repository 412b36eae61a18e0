import { callLogCodeIssues, loggedCall, logsCall } from './call-log';
import type { ChangeSource } from './change-source';
import { validateFieldValues } from './field-values';
import type { HistoryEntry, HistoryValue } from './history';
import { historyEntry } from './history-entry';
import type { OperationContext, OperationResult } from './operation';
import { parseInput } from './parse-input';
import { reminderTime } from './reminder-time';
import { sameValue } from './same-value';
import type { Task } from './task';
import { TaskDeletedError } from './task-deleted-error';
import { type TaskChanges, TaskChangesSchema } from './task-draft';
import { defaultLeadMinutes, type TaskRulesOptions } from './task-rules-options';
import { TASK_VALUE_KEYS, type TaskValues } from './task-values';
import { type FieldIssue, ValidationError } from './validation-error';

export interface EditOptions extends TaskRulesOptions {
  /** 'agent' (the default) unless the softphone reported the change. */
  source?: ChangeSource;
}

/**
 * Applies an edit with field-level history (R25): one 'changed' entry per value that
 * really changed, custom fields as `fields.<key>`. A new scheduled time or lead time moves the
 * reminder (R11). Nothing changed means nothing to store: no entry, no new version. The given
 * task is never modified; bad input throws ValidationError and a deleted task TaskDeletedError.
 * The agent's edit must leave every custom field valid, required ones filled (R20); a system
 * edit is checked only on the custom fields it sets, so it never waits for the agent.
 * The agent's edit of a call log is the agent saving it: the first one logs the call (even when
 * it changes nothing else), and each needs a transaction code when the contact center makes
 * them mandatory (call-log.ts).
 */
export function editTask(
  task: Task,
  changes: TaskChanges,
  ctx: OperationContext,
  options: EditOptions = {},
): OperationResult {
  if (task.deletedAt !== null) throw new TaskDeletedError(task.id);
  const {
    fields: fieldChanges,
    callNumber,
    ...valueChanges
  } = parseInput(TaskChangesSchema, changes);
  const next: TaskValues = { ...task, fields: { ...task.fields } };
  const history: HistoryEntry[] = [];
  const record = (field: string, from: unknown, to: unknown) => {
    history.push(
      historyEntry(ctx, task.id, {
        type: 'changed',
        field,
        from: structuredClone(from) as HistoryValue,
        to: structuredClone(to) as HistoryValue,
      }),
    );
  };

  for (const key of TASK_VALUE_KEYS) {
    if (!(key in valueChanges)) continue;
    const to = valueChanges[key as keyof typeof valueChanges];
    if (to === undefined || sameValue(task[key], to)) continue;
    (next as Record<string, unknown>)[key] = to;
    record(key, task[key], to);
  }
  for (const [key, to] of Object.entries(fieldChanges ?? {})) {
    const from = task.fields[key] ?? null;
    if (sameValue(from, to)) continue;
    next.fields[key] = to;
    record(`fields.${key}`, from, to);
  }

  if (callNumber !== undefined && callNumber !== task.call?.number) {
    if (task.call === null || task.call.number !== null) {
      throw new ValidationError([
        { path: 'callNumber', message: 'Only a call whose number is missing takes one.' },
      ]);
    }
    next.call = { ...task.call, number: callNumber };
    record('call', task.call, next.call);
  }

  const source = options.source ?? 'agent';
  const issues: FieldIssue[] = [];
  if (options.definitions) {
    const bySystem = source === 'system';
    const definitions = bySystem
      ? options.definitions.filter((definition) => definition.key in (fieldChanges ?? {}))
      : options.definitions;
    issues.push(
      ...validateFieldValues(next.fields, definitions, next.kind, { checkRequired: !bySystem }),
    );
  }
  issues.push(...callLogCodeIssues(next, source, options));
  if (issues.length > 0) throw new ValidationError(issues);
  if (
    next.scheduledAt !== task.scheduledAt ||
    next.reminderLeadMinutes !== task.reminderLeadMinutes
  ) {
    next.remindAt = reminderTime(
      next.scheduledAt,
      next.reminderLeadMinutes,
      defaultLeadMinutes(options),
    );
    if (next.remindAt !== task.remindAt) record('remindAt', task.remindAt, next.remindAt);
  }
  const logs = logsCall(task, source);
  if (history.length === 0 && !logs) return { tasks: [], history: [] };

  const edited: Task = {
    ...task,
    ...next,
    updatedAt: ctx.now,
    updatedBy: ctx.actorId,
    version: task.version + 1,
  };
  return { tasks: [logs ? loggedCall(edited, ctx) : edited], history };
}
