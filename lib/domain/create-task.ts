import { activeFieldsFor, validateFieldValues } from './field-values';
import { historyEntry } from './history-entry';
import type { OperationContext, OperationResult } from './operation';
import { parseInput } from './parse-input';
import { reminderTime } from './reminder-time';
import type { FieldValue, Task } from './task';
import { type TaskDraft, TaskDraftSchema } from './task-draft';
import { defaultLeadMinutes, type TaskRulesOptions } from './task-rules-options';
import { taskValues } from './task-values';
import { ValidationError } from './validation-error';

/**
 * A new task (R9, R10): by hand or from a call, planned or past, independent (no customer) or a
 * customer's. Its number is "new" (null) until the server allocates one; it starts open and,
 * unless the draft says otherwise, assigned to whoever creates it. Custom fields the draft leaves
 * out get their defaults. Throws ValidationError, one message per field, on bad input.
 */
export function createTask(
  input: TaskDraft,
  ctx: OperationContext,
  options: TaskRulesOptions = {},
): OperationResult {
  const draft = parseInput(TaskDraftSchema, input);
  const origin = draft.origin ?? 'manual';
  const fields: Record<string, FieldValue> = {};
  for (const definition of activeFieldsFor(options.definitions ?? [], draft.kind)) {
    if (definition.defaultValue !== null) fields[definition.key] = definition.defaultValue;
  }
  Object.assign(fields, draft.fields);
  if (options.definitions) {
    // Nobody is at hand to fill required fields when the system logs a call; the agent does later.
    const issues = validateFieldValues(fields, options.definitions, draft.kind, {
      checkRequired: origin === 'manual',
    });
    if (issues.length > 0) throw new ValidationError(issues);
  }
  const scheduledAt = draft.scheduledAt ?? null;
  const reminderLeadMinutes = draft.reminderLeadMinutes ?? null;
  const task: Task = {
    id: draft.id ?? ctx.newId(),
    number: null,
    kind: draft.kind,
    origin,
    subject: draft.subject,
    notes: draft.notes ?? '',
    status: 'open',
    customerId: draft.customerId ?? null,
    assigneeId: draft.assigneeId === undefined ? ctx.actorId : draft.assigneeId,
    transactionId: draft.transactionId ?? null,
    transactionCodes: draft.transactionCodes ?? [],
    call: draft.call ?? null,
    dueAt: draft.dueAt ?? null,
    scheduledAt,
    reminderLeadMinutes,
    remindAt: reminderTime(scheduledAt, reminderLeadMinutes, defaultLeadMinutes(options)),
    fields,
    parentId: null,
    parentNumber: null,
    reference: draft.reference ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.actorId,
    updatedBy: ctx.actorId,
    version: 0,
    deletedAt: null,
    loggedAt: null,
    loggedBy: null,
  };
  return {
    tasks: [task],
    history: [historyEntry(ctx, task.id, { type: 'created', values: taskValues(task) })],
  };
}
