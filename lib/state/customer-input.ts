import type { CustomerDraft } from '../domain/customer-changes';
import { type FieldIssue, ValidationError } from '../domain/validation-error';

/** What the agent types to create a customer from the picker (R4). */
export interface NewCustomerInput {
  name: string;
  phone: string;
  email: string;
}

export function customerDraftFrom(input: NewCustomerInput): CustomerDraft {
  const phone = input.phone.trim();
  const email = input.email.trim();
  return {
    name: input.name,
    phones: phone === '' ? [] : [phone],
    emails: email === '' ? [] : [email],
  };
}

const FORM_PATHS: Record<string, string> = { 'phones.0': 'phone', 'emails.0': 'email' };

/** The store's messages, keyed by the picker's one phone and one email field. */
export function issuesForCustomerForm(error: ValidationError): ValidationError {
  return new ValidationError(
    error.issues.map(
      (issue): FieldIssue => ({
        path: FORM_PATHS[issue.path] ?? issue.path,
        message: issue.message,
      }),
    ),
  );
}
