import { type FieldIssue, ValidationError } from '../../lib/domain/validation-error';

function collect(value: unknown, path: string[], issues: FieldIssue[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      issues.push({ path: path.join('.'), message: 'Must not contain the NUL character.' });
    }
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) collect(item, [...path, String(index)], issues);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collect(item, [...path, key], issues);
  }
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000, so a NUL anywhere in the input would fail deep
 * in a query; it is refused up front as bad input instead, naming where it is.
 */
export function assertNoNul(value: unknown): void {
  const issues: FieldIssue[] = [];
  collect(value, [], issues);
  if (issues.length > 0) throw new ValidationError(issues);
}
