import type { Customer } from '../domain/customer';
import type { CustomerChanges, CustomerDraft } from '../domain/customer-changes';
import { type FieldIssue, ValidationError } from '../domain/validation-error';

/** What the agent types to create a customer from the picker (R4). */
export interface NewCustomerInput {
  name: string;
  phone: string;
  email: string;
  company?: string;
  /**
   * The record's ids in the contact center's own CRM, when the customer is created from one of
   * its pages (quick task): the next task from that page then finds the customer by them.
   */
  externalIds?: readonly string[];
}

export function customerDraftFrom(input: NewCustomerInput): CustomerDraft {
  const phone = input.phone.trim();
  const email = input.email.trim();
  const company = input.company?.trim() ?? '';
  return {
    name: input.name,
    phones: phone === '' ? [] : [phone],
    emails: email === '' ? [] : [email],
    company: company === '' ? null : company,
    externalIds: [...(input.externalIds ?? [])],
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

/** A customer's record as its edit form holds it: lists one entry a line. */
export interface CustomerEditInput {
  name: string;
  phones: string;
  emails: string;
  company: string;
  notes: string;
}

function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function customerEditInput(customer: Customer): CustomerEditInput {
  return {
    name: customer.name,
    phones: customer.phones.join('\n'),
    emails: customer.emails.join('\n'),
    company: customer.company ?? '',
    notes: customer.notes,
  };
}

export function customerChangesFrom(input: CustomerEditInput): CustomerChanges {
  return {
    name: input.name,
    phones: lines(input.phones),
    emails: lines(input.emails),
    company: input.company.trim() === '' ? null : input.company,
    notes: input.notes,
  };
}

/** The store's messages, keyed by the edit form's fields (each list is one field). */
export function issuesForCustomerEdit(error: ValidationError): ValidationError {
  return new ValidationError(
    error.issues.map(
      (issue): FieldIssue => ({ path: issue.path.replace(/\.\d+$/, ''), message: issue.message }),
    ),
  );
}
