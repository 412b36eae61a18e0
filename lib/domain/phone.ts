import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number as E.164 ("+14155550134"), however it was written, or null when it is not a
 * valid number. Numbers written without a country code need `defaultCountry` (the contact
 * center's own country); stored numbers are E.164 so a caller matches a customer (R3).
 */
export function normalizePhone(raw: string, defaultCountry?: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}
