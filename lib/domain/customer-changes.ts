import type { CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { type Customer, CustomerSchema } from './customer';
import { CustomerDeletedError } from './customer-deleted-error';
import { IdSchema } from './ids';
import { LIMITS } from './limits';
import type { OperationContext } from './operation';
import { parseInput } from './parse-input';
import { normalizePhone } from './phone';
import { sameValue } from './same-value';
import { type FieldIssue, ValidationError } from './validation-error';

const CustomerValuesSchema = CustomerSchema.pick({
  name: true,
  phones: true,
  emails: true,
  company: true,
  externalIds: true,
  notes: true,
}).extend({
  // Any way of writing a number is accepted here; it is stored as E.164 (R3).
  phones: z.array(z.string().max(LIMITS.phone)).max(20),
});

/** A new customer as the agent or an import gives it: a name at least. */
export const CustomerDraftSchema = CustomerValuesSchema.partial()
  .required({ name: true })
  .extend({ id: IdSchema.optional() })
  .strict();
export type CustomerDraft = z.input<typeof CustomerDraftSchema>;

export const CustomerChangesSchema = CustomerValuesSchema.partial().strict();
export type CustomerChanges = z.input<typeof CustomerChangesSchema>;

export interface CustomerRulesOptions {
  /** The contact center's country, for numbers written without a country code. */
  defaultCountry?: CountryCode;
}

/** Phone numbers as E.164, each once, so the next call from one finds the customer (R3). */
function normalizedPhones(phones: readonly string[], options: CustomerRulesOptions): string[] {
  const issues: FieldIssue[] = [];
  const normalized = phones.map((phone, index) => {
    const e164 = normalizePhone(phone, options.defaultCountry);
    if (e164 === null) {
      issues.push({
        path: `phones.${index}`,
        message: 'Not a valid phone number; include the country code.',
      });
    }
    return e164 ?? phone;
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return [...new Set(normalized)];
}

/** A new customer record (R4, R10). Throws ValidationError, one message per field. */
export function createCustomer(
  input: CustomerDraft,
  ctx: OperationContext,
  options: CustomerRulesOptions = {},
): Customer {
  const draft = parseInput(CustomerDraftSchema, input);
  return parseInput(CustomerSchema, {
    id: draft.id ?? ctx.newId(),
    name: draft.name,
    phones: normalizedPhones(draft.phones ?? [], options),
    emails: draft.emails ?? [],
    company: draft.company ?? null,
    externalIds: draft.externalIds ?? [],
    notes: draft.notes ?? '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 0,
    deletedAt: null,
  });
}

/**
 * The customer with the given values changed; the same object when nothing really changed, so
 * there is nothing to store. A deleted customer throws CustomerDeletedError.
 */
export function editCustomer(
  customer: Customer,
  input: CustomerChanges,
  ctx: OperationContext,
  options: CustomerRulesOptions = {},
): Customer {
  if (customer.deletedAt !== null) throw new CustomerDeletedError(customer.id);
  const changes = parseInput(CustomerChangesSchema, input);
  const values = {
    ...changes,
    ...(changes.phones ? { phones: normalizedPhones(changes.phones, options) } : {}),
  };
  const changed = Object.entries(values).some(
    ([key, value]) => !sameValue(customer[key as keyof typeof values], value),
  );
  if (!changed) return customer;
  return parseInput(CustomerSchema, {
    ...customer,
    ...values,
    updatedAt: ctx.now,
    version: customer.version + 1,
  });
}
