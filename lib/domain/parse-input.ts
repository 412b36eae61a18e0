import type { z } from 'zod';
import { type FieldIssue, ValidationError } from './validation-error';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of values',
};

const FORMAT_NAMES: Record<string, string> = {
  uuid: 'a valid id',
  datetime: 'a date and time',
  date: 'a date (YYYY-MM-DD)',
  email: 'an email address',
  url: 'a web address',
};

/** Zod's defaults speak to programmers; agents and administrators read these instead. */
function humanMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Required.';
      return `Must be ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'too_big':
      if (issue.origin === 'string') return `At most ${issue.maximum} characters.`;
      if (issue.origin === 'array') return `At most ${issue.maximum} items.`;
      return `At most ${issue.maximum}.`;
    case 'too_small':
      if (issue.origin === 'string') {
        return issue.minimum === 1 ? 'Required.' : `At least ${issue.minimum} characters.`;
      }
      if (issue.origin === 'array') return `At least ${issue.minimum} items.`;
      return `At least ${issue.minimum}.`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return `Must be ${FORMAT_NAMES[issue.format] ?? `in ${issue.format} format`}.`;
    case 'not_multiple_of':
      return `Must be a multiple of ${issue.divisor}.`;
    case 'invalid_key':
      return issue.issues[0]?.message ?? 'Not a valid name.';
    case 'unrecognized_keys':
      return `Unknown field: ${issue.keys.join(', ')}.`;
    default:
      return 'Not a valid value.';
  }
}

/** The form's name for a value: `subject`, `fields.priority`, `call.number`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Keeps the first issue of each path, so every field shows one message. */
export function onePerPath(issues: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (seen.has(issue.path)) return false;
    seen.add(issue.path);
    return true;
  });
}

/** Validates untrusted input against a schema, or throws ValidationError with one issue a field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input, { error: humanMessage });
  if (result.success) return result.data;
  throw new ValidationError(
    onePerPath(
      result.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message })),
    ),
  );
}
