import type { Timestamp } from './ids';

/**
 * The one way a task stores an instant: UTC with milliseconds, as `toISOString` writes it.
 * "…T10:00:00+02:00" and "…T08:00:00Z" are the same instant, and must compare and sort (as
 * text, in IndexedDB) as the same value, and not show up as a change in history.
 */
export function canonicalTimestamp(timestamp: Timestamp): Timestamp {
  return new Date(timestamp).toISOString();
}
