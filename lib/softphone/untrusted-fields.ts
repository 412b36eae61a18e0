/*
 * Hand-written checks for what a softphone page hands the content script. zod, even zod/mini,
 * would add about 7 KB (gzipped) to every softphone page, over a 15 KB budget; the few shapes the
 * content script reads are simple enough to check by hand. The background still parses every
 * message with the full zod schemas (lib/messages/protocol.ts), so these are the first of two
 * checks, not the only one. Each check throws a Refusal whose reason a page developer can act on.
 */

export class Refusal extends Error {
  override readonly name = 'Refusal';
}

function refuse(reason: string): never {
  throw new Refusal(reason);
}

/** A plain object with only the `allowed` fields (no arrays, no null). */
export function strictRecord(
  value: unknown,
  where: string,
  allowed: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse(`${where} must be object`);
  }
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    refuse(`unknown field ${unknown.map((key) => JSON.stringify(key)).join(', ')}`);
  }
  return value as Record<string, unknown>;
}

/** Trimmed text of `min` to `max` characters. */
export function trimmedText(value: unknown, where: string, min: number, max: number): string {
  if (typeof value !== 'string') refuse(`${where} must be string`);
  const text = value.trim();
  if (text.length < min) refuse(`${where} must not be empty`);
  if (text.length > max) refuse(`${where} is longer than ${max}`);
  return text;
}

/** Optional nullable trimmed text: undefined and null are kept as they came. */
export function optionalText(
  value: unknown,
  where: string,
  max: number,
): string | null | undefined {
  return value === undefined || value === null ? value : trimmedText(value, where, 0, max);
}

export function oneOf<T extends string>(value: unknown, where: string, options: readonly T[]): T {
  if (!options.includes(value as T)) {
    refuse(`${where} must be ${options.map((option) => JSON.stringify(option)).join(' or ')}`);
  }
  return value as T;
}

/** A list of at most `maxItems` trimmed, non-empty codes of at most `maxChars` characters. */
export function codeList(
  value: unknown,
  where: string,
  maxItems: number,
  maxChars: number,
): string[] {
  if (!Array.isArray(value)) refuse(`${where} must be array`);
  if (value.length > maxItems) refuse(`${where} is longer than ${maxItems}`);
  return value.map((code, index) => trimmedText(code, `${where}.${index}`, 1, maxChars));
}

// As TimestampSchema in lib/domain/ids.ts: a calendar date, a time with seconds, and a zone.
const ISO_DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function daysInMonth(year: number, month: number): number {
  // Leap years repeat every 400 years; Date.UTC would read years below 100 as 19xx.
  return new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
}

/** An ISO-8601 date and time with a zone, on a day the calendar has. */
export function isoDateTime(value: unknown, where: string): string {
  if (typeof value !== 'string') refuse(`${where} must be string`);
  const match = ISO_DATE_TIME.exec(value);
  const [year, month, day] = match ? match.slice(1, 4).map(Number) : [];
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    refuse(`${where} must be an ISO-8601 datetime with a zone`);
  }
  return value;
}

/** A whole number of at least zero. */
export function nonNegativeInteger(value: unknown, where: string): number {
  if (typeof value !== 'number') refuse(`${where} must be number`);
  if (!Number.isSafeInteger(value)) refuse(`${where} must be int`);
  if (value < 0) refuse(`${where} must be at least 0`);
  return value;
}
