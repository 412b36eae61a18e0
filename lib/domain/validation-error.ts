/** One message per offending field, keyed by the field's path as the form shows it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Bad input: the operation changed nothing, and each field says what is wrong with it. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  }
}
