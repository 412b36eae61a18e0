import type { CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import type { FieldDefinition } from './field-definition';
import { TimestampSchema } from './ids';
import { LIMITS } from './limits';
import { normalizePhone } from './phone';
import type { FieldValue } from './task';
import type { TaskKind } from './task-kind';
import type { FieldIssue } from './validation-error';
import { isWebAddress } from './web-address';

export interface FieldValidationOptions {
  /** Off for tasks the system creates at the end of a call: nobody is there to fill them in. */
  checkRequired?: boolean;
  /** For phone numbers written without a country code. */
  defaultCountry?: CountryCode;
}

/** Empty list of kinds means the field applies to every kind. */
export function fieldAppliesTo(definition: FieldDefinition, kind: TaskKind): boolean {
  return definition.appliesTo.length === 0 || definition.appliesTo.includes(kind);
}

/** The definitions a task of this kind shows and validates: active, applicable, in order. */
export function activeFieldsFor(
  definitions: readonly FieldDefinition[],
  kind: TaskKind,
): FieldDefinition[] {
  return definitions
    .filter((definition) => !definition.archived && fieldAppliesTo(definition, kind))
    .sort((a, b) => a.order - b.order);
}

export function isEmptyFieldValue(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim().length === 0;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

const EmailSchema = z.email();
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** What is wrong with a non-empty value of this field, or null when it fits the type. */
function typeProblem(
  definition: FieldDefinition,
  value: FieldValue,
  options: FieldValidationOptions,
): string | null {
  const { label } = definition;
  switch (definition.type) {
    case 'text':
      if (typeof value !== 'string') return `${label} must be text.`;
      return value.length > LIMITS.shortText
        ? `${label} is at most ${LIMITS.shortText} characters.`
        : null;
    case 'long_text':
      if (typeof value !== 'string') return `${label} must be text.`;
      return value.length > LIMITS.longText
        ? `${label} is at most ${LIMITS.longText} characters.`
        : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `${label} must be a number.`;
    case 'date':
      return typeof value === 'string' && isCalendarDate(value)
        ? null
        : `${label} must be a date (YYYY-MM-DD).`;
    case 'date_time':
      return TimestampSchema.safeParse(value).success ? null : `${label} must be a date and time.`;
    case 'select':
      return typeof value === 'string' && definition.options.includes(value)
        ? null
        : `${label} must be one of: ${definition.options.join(', ')}.`;
    case 'multi_select': {
      if (!Array.isArray(value)) return `${label} must be a list of options.`;
      const unknown = value.filter((item) => !definition.options.includes(item));
      return unknown.length === 0
        ? null
        : `${label} has options that do not exist: ${unknown.join(', ')}.`;
    }
    case 'checkbox':
      return typeof value === 'boolean' ? null : `${label} must be checked or unchecked.`;
    case 'phone':
      return typeof value === 'string' && normalizePhone(value, options.defaultCountry) !== null
        ? null
        : `${label} must be a phone number, with its country code.`;
    case 'email':
      return typeof value === 'string' &&
        value.length <= LIMITS.email &&
        EmailSchema.safeParse(value).success
        ? null
        : `${label} must be an email address.`;
    case 'url':
      return typeof value === 'string' && value.length <= LIMITS.url && isWebAddress(value)
        ? null
        : `${label} must be a web address starting with http:// or https://.`;
  }
}

/**
 * Checks custom field values against the administrator's definitions (R20), one message per
 * field at path `fields.<key>`. Archived fields and fields of other kinds are not checked, and
 * their values are left alone so old tasks still show them. A required checkbox must be ticked
 * (a consent box, say): unticked is its empty value.
 */
export function validateFieldValues(
  values: Readonly<Record<string, FieldValue>>,
  definitions: readonly FieldDefinition[],
  kind: TaskKind,
  options: FieldValidationOptions = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const definition of activeFieldsFor(definitions, kind)) {
    const value = values[definition.key];
    const path = `fields.${definition.key}`;
    const empty = isEmptyFieldValue(value) || (definition.type === 'checkbox' && value === false);
    if (empty) {
      if (options.checkRequired !== false && definition.required) {
        issues.push({ path, message: `${definition.label} is required.` });
      }
      continue;
    }
    const problem = typeProblem(definition, value as FieldValue, options);
    if (problem) issues.push({ path, message: problem });
  }
  return issues;
}
