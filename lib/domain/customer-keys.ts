import type { Customer } from './customer';

export type CustomerKeyKind = 'phone' | 'email' | 'externalId';

/** A value that names one customer: an E.164 phone, an email (any case) or a CRM external id. */
export interface CustomerKey {
  kind: CustomerKeyKind;
  value: string;
}

/** One string per key, so keys of many customers fit in one Map. */
export function customerKeyString(key: CustomerKey): string {
  return `${key.kind}:${key.kind === 'email' ? key.value.toLowerCase() : key.value}`;
}

/** Every key the customer is found by; another customer holding one of them is a duplicate. */
export function customerKeys(
  customer: Pick<Customer, 'phones' | 'emails' | 'externalIds'>,
): CustomerKey[] {
  return [
    ...customer.phones.map((value) => ({ kind: 'phone' as const, value })),
    ...customer.emails.map((value) => ({ kind: 'email' as const, value })),
    ...customer.externalIds.map((value) => ({ kind: 'externalId' as const, value })),
  ];
}
