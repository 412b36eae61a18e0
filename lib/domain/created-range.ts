import type { Timestamp } from './ids';

/** Records created from `from` (inclusive) until `until` (exclusive); null leaves a side open. */
export interface CreatedRange {
  from: Timestamp | null;
  until: Timestamp | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function localMidnight(day: string, addDays = 0): Timestamp {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + addDays).toISOString();
}

/**
 * The range of whole local days a date picker gives ("2026-03-01" to "2026-03-31", both
 * inclusive; empty means open), or a message when it is no range: a day that is not a date, or
 * a first day after the last.
 */
export function createdRangeFromDays(
  fromDay: string,
  toDay: string,
): { range: CreatedRange } | { error: string } {
  for (const day of [fromDay, toDay]) {
    if (day !== '' && (!DAY.test(day) || Number.isNaN(Date.parse(day)))) {
      return { error: `"${day}" is not a date (YYYY-MM-DD).` };
    }
  }
  if (fromDay !== '' && toDay !== '' && fromDay > toDay) {
    return { error: 'The first day is after the last day.' };
  }
  return {
    range: {
      from: fromDay === '' ? null : localMidnight(fromDay),
      until: toDay === '' ? null : localMidnight(toDay, 1),
    },
  };
}

/** Whether a record created at `createdAt` falls in the range. */
export function createdWithin(createdAt: Timestamp, range: CreatedRange): boolean {
  const at = Date.parse(createdAt);
  if (range.from !== null && at < Date.parse(range.from)) return false;
  if (range.until !== null && at >= Date.parse(range.until)) return false;
  return true;
}
