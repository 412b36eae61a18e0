import { CODES_REQUIRED_MESSAGE } from '../domain/call-log';
import type { FieldDefinition } from '../domain/field-definition';
import { activeFieldsFor, validateFieldValues } from '../domain/field-values';
import type { Id } from '../domain/ids';
import { LIMITS } from '../domain/limits';
import { normalizePhone } from '../domain/phone';
import type { FieldValue, Task } from '../domain/task';
import type { TaskChanges, TaskDraft } from '../domain/task-draft';
import type { TaskKind, TaskStatus } from '../domain/task-kind';
import type { FieldIssue } from '../domain/validation-error';
import { isLocalDateTime, localDateTimeToIso } from './local-date-time';

/**
 * What the task form holds while the agent types: times as the browser's `datetime-local` text,
 * the lead time as typed, custom fields as their stored values. Plain JSON, so a draft of it
 * survives in storage when the panel closes.
 */
export interface TaskFormValues {
  kind: TaskKind;
  subject: string;
  notes: string;
  status: TaskStatus;
  customerId: Id | null;
  transactionCodes: string[];
  /** `YYYY-MM-DDTHH:mm` in local time, or '' for none. */
  dueAt: string;
  /** `YYYY-MM-DDTHH:mm` in local time, or '' for no scheduled call. */
  scheduledAt: string;
  /** Minutes as typed; '' means the contact center's default. */
  reminderLeadMinutes: string;
  fields: Record<string, FieldValue>;
  /** The number typed for a call the softphone showed none for; '' otherwise. */
  callNumber: string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An instant as the `datetime-local` input shows it, in the agent's time zone. */
export function isoToLocalDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function formValuesOf(task: Task): TaskFormValues {
  return {
    kind: task.kind,
    subject: task.subject,
    notes: task.notes,
    status: task.status,
    customerId: task.customerId,
    transactionCodes: [...task.transactionCodes],
    dueAt: isoToLocalDateTime(task.dueAt),
    scheduledAt: isoToLocalDateTime(task.scheduledAt),
    reminderLeadMinutes: task.reminderLeadMinutes === null ? '' : String(task.reminderLeadMinutes),
    fields: structuredClone(task.fields),
    callNumber: '',
  };
}

/** A new task's form: custom fields start at their administrator's defaults. */
export function blankFormValues(
  kind: TaskKind,
  customerId: Id | null,
  definitions: readonly FieldDefinition[],
): TaskFormValues {
  const fields: Record<string, FieldValue> = {};
  for (const definition of activeFieldsFor(definitions, kind)) {
    if (definition.defaultValue !== null) fields[definition.key] = definition.defaultValue;
  }
  return {
    kind,
    subject: '',
    notes: '',
    status: 'open',
    customerId,
    transactionCodes: [],
    dueAt: '',
    scheduledAt: '',
    reminderLeadMinutes: '',
    fields,
    callNumber: '',
  };
}

function leadMinutes(typed: string): number | null {
  return typed.trim() === '' ? null : Number(typed);
}

/**
 * Problems the form can show before anything is stored: the rules the store would apply anyway
 * (subject, custom fields, schedule), so each field gets its message next to it at once.
 */
export function formIssues(
  values: TaskFormValues,
  definitions: readonly FieldDefinition[],
  options: { codesRequired?: boolean; callNumberMissing?: boolean } = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (values.subject.trim() === '')
    issues.push({ path: 'subject', message: 'Subject is required.' });
  else if (values.subject.length > LIMITS.subject) {
    issues.push({ path: 'subject', message: `At most ${LIMITS.subject} characters.` });
  }
  for (const path of ['dueAt', 'scheduledAt'] as const) {
    if (values[path] !== '' && !isLocalDateTime(values[path])) {
      issues.push({ path, message: 'Must be a date and time.' });
    }
  }
  const lead = leadMinutes(values.reminderLeadMinutes);
  if (lead !== null && !(Number.isInteger(lead) && lead >= 0 && lead <= 24 * 60)) {
    issues.push({
      path: 'reminderLeadMinutes',
      message: 'Minutes before the call, a whole number from 0 to 1440.',
    });
  }
  if (options.codesRequired && values.transactionCodes.length === 0) {
    issues.push({ path: 'transactionCodes', message: CODES_REQUIRED_MESSAGE });
  }
  if (options.callNumberMissing) {
    const typed = values.callNumber.trim();
    if (typed === '') {
      issues.push({
        path: 'callNumber',
        message: 'The softphone did not show the number: type it.',
      });
    } else if (normalizePhone(typed) === null) {
      issues.push({
        path: 'callNumber',
        message: 'Not a phone number; write it with its country code, like +1 415 555 0134.',
      });
    }
  }
  issues.push(...validateFieldValues(values.fields, definitions, values.kind));
  return issues;
}

function instant(local: string): string | null {
  return local === '' ? null : localDateTimeToIso(local);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The edit the form asks for: only what the agent changed since the form was opened (or last
 * saved), so a value that changed meanwhile elsewhere (codes from the softphone's wrap-up, a
 * synced edit) is not written back over. Custom fields count one by one.
 */
export function changesFrom(values: TaskFormValues, baseline: TaskFormValues): TaskChanges {
  const all: TaskChanges = {
    kind: values.kind,
    subject: values.subject,
    notes: values.notes,
    status: values.status,
    customerId: values.customerId,
    transactionCodes: values.transactionCodes,
    dueAt: instant(values.dueAt),
    scheduledAt: instant(values.scheduledAt),
    reminderLeadMinutes: leadMinutes(values.reminderLeadMinutes),
  };
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    const formKey = key as keyof TaskFormValues;
    if (!sameJson(values[formKey], baseline[formKey])) changes[key] = value;
  }
  const fields = Object.fromEntries(
    Object.entries(values.fields).filter(([key, value]) => !sameJson(value, baseline.fields[key])),
  );
  if (Object.keys(fields).length > 0) changes.fields = fields;
  const callNumber = normalizePhone(values.callNumber);
  if (callNumber !== null) changes.callNumber = callNumber;
  return changes as TaskChanges;
}

/**
 * The form after the stored task changed underneath it: what the agent has not touched follows
 * the store, what they typed stays.
 */
export function rebaseFormValues(
  values: TaskFormValues,
  baseline: TaskFormValues,
  stored: TaskFormValues,
): TaskFormValues {
  const next = { ...values, fields: { ...values.fields } };
  for (const key of Object.keys(stored) as (keyof TaskFormValues)[]) {
    if (key === 'fields') continue;
    if (sameJson(values[key], baseline[key])) (next as Record<string, unknown>)[key] = stored[key];
  }
  for (const [key, value] of Object.entries(stored.fields)) {
    if (sameJson(values.fields[key], baseline.fields[key])) next.fields[key] = value;
  }
  return next;
}

/** A new task by hand (R9), independent or the given customer's (R10). */
export function draftFrom(
  values: TaskFormValues,
  reference: TaskDraft['reference'] = null,
): TaskDraft {
  return {
    reference,
    kind: values.kind,
    subject: values.subject,
    notes: values.notes,
    customerId: values.customerId,
    transactionCodes: values.transactionCodes,
    dueAt: instant(values.dueAt),
    scheduledAt: instant(values.scheduledAt),
    reminderLeadMinutes: leadMinutes(values.reminderLeadMinutes),
    fields: values.fields,
    origin: 'manual',
  };
}
