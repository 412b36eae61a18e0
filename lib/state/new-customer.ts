import { type Customer, CustomerSchema } from '../domain/customer';
import { type Id, newId } from '../domain/ids';
import { parseInput } from '../domain/parse-input';
import { normalizePhone } from '../domain/phone';
import { type FieldIssue, ValidationError } from '../domain/validation-error';

/** What the agent types to create a customer from the picker (R4). */
export interface NewCustomerInput {
  name: string;
  phone: string;
  email: string;
}

/**
 * A customer record from the picker's inline form, validated like any stored customer; the phone
 * is kept as E.164 so the next call from it is matched (R3). Throws ValidationError per field.
 */
export function newCustomer(input: NewCustomerInput, ctx: { now: string; id?: Id }): Customer {
  const phone = input.phone.trim();
  const e164 = phone === '' ? null : normalizePhone(phone);
  const issues: FieldIssue[] = [];
  if (phone !== '' && e164 === null) {
    issues.push({ path: 'phone', message: 'Must be a phone number, with its country code.' });
  }
  const email = input.email.trim();
  try {
    const customer = parseInput(CustomerSchema, {
      id: ctx.id ?? newId(),
      name: input.name,
      phones: e164 ? [e164] : [],
      emails: email === '' ? [] : [email],
      company: null,
      externalIds: [],
      notes: '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 0,
      deletedAt: null,
    });
    if (issues.length > 0) throw new ValidationError(issues);
    return customer;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const renamed = error.issues.map((issue) => ({
      path: issue.path.replace(/^emails\.0$/, 'email'),
      message: issue.message,
    }));
    throw new ValidationError([...issues, ...renamed.filter((issue) => issue.path !== 'phone')]);
  }
}
