/**
 * The snooze lengths the side panel offers, in minutes; the notification's own Snooze button uses
 * the contact center's default lead instead. Kept apart so the message protocol can name them
 * without pulling in the store.
 */
export const SNOOZE_CHOICES_MINUTES = [5, 10, 15, 60] as const;
export type SnoozeChoiceMinutes = (typeof SNOOZE_CHOICES_MINUTES)[number];
