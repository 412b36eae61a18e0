import type { $ZodIssue } from 'zod/v4/core';

const MAX_REASON_CHARS = 300;
const MAX_ISSUES = 3;

function describeIssue(issue: $ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : 'detail';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'invalid_type':
      return `${where} must be ${issue.expected}`;
    case 'invalid_value':
      return `${where} must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    case 'invalid_format':
      return `${where} must be an ISO-8601 ${issue.format} with a zone`;
    case 'too_big':
      return `${where} is longer than ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'int'
        ? `${where} must be at least ${issue.minimum}`
        : `${where} must not be empty`;
    default:
      return `${where} is invalid`;
  }
}

/**
 * Why page input was refused, in words a page developer can act on. zod/mini ships no messages
 * (they would cost the content script a locale), so the reason is built from the issues.
 */
export function describeIssues(issues: readonly $ZodIssue[]): string {
  const reasons = issues.slice(0, MAX_ISSUES).map(describeIssue);
  if (issues.length > MAX_ISSUES) reasons.push(`and ${issues.length - MAX_ISSUES} more`);
  return reasons.join('; ').slice(0, MAX_REASON_CHARS);
}
