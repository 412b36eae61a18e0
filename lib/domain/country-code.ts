import { type CountryCode, isSupportedCountry } from 'libphonenumber-js';

/**
 * The two-letter country an administrator typed ("us", " GB "), for phone numbers written
 * without a country code; undefined when left empty, an error message when no such country.
 */
export function countryCodeInput(
  text: string,
): { country: CountryCode | undefined } | { error: string } {
  const code = text.trim().toUpperCase();
  if (code === '') return { country: undefined };
  if (isSupportedCountry(code)) return { country: code };
  return { error: `"${text.trim()}" is not a two-letter country code such as US or GB.` };
}
