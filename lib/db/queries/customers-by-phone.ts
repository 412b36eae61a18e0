import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Customer } from '../../domain/customer';
import type { WrapupDb } from '../database';

/**
 * The customers with this phone number however the softphone wrote it (R3). Numbers without a
 * country code need `defaultCountry`; a string that is no phone number matches nobody.
 */
export async function customersByPhone(
  db: WrapupDb,
  phone: string,
  defaultCountry?: CountryCode,
): Promise<Customer[]> {
  const parsed = parsePhoneNumberFromString(phone, defaultCountry);
  if (!parsed) return [];
  const customers = await db.customers.where('phones').equals(parsed.number).toArray();
  return customers.filter((customer) => customer.deletedAt === null);
}
