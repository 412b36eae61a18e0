import type { Timestamp } from './ids';

/**
 * When the reminder for a scheduled call pops up (R11): the task's own lead time before the
 * scheduled time, else the contact center's default. No scheduled time, no reminder.
 */
export function reminderTime(
  scheduledAt: Timestamp | null,
  leadMinutes: number | null,
  defaultLeadMinutes: number,
): Timestamp | null {
  if (scheduledAt === null) return null;
  const lead = leadMinutes ?? defaultLeadMinutes;
  return new Date(Date.parse(scheduledAt) - lead * 60_000).toISOString();
}
