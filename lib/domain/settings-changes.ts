import { z } from 'zod';
import { type Settings, SettingsSchema } from './settings';

/** Which save of the settings an answer shows: the revision of that change, "0" before any. */
export const SettingsVersionSchema = z
  .string()
  .regex(/^\d{1,19}$/, 'Must be a settings version as the server gave it.');

/** The settings as the server answers them, with their version. */
export const VersionedSettingsSchema = SettingsSchema.extend({ version: SettingsVersionSchema });
export type VersionedSettings = z.infer<typeof VersionedSettingsSchema>;

/**
 * An administrator's change: the settings it names (a list replaces the stored one whole), and
 * the version it was made on. A change made on an older version is refused, so nobody overwrites
 * another administrator's save unseen; one without `baseVersion` (from a client older than the
 * check) is applied as it always was.
 */
export const SettingsChangesSchema = SettingsSchema.partial().extend({
  baseVersion: SettingsVersionSchema.optional(),
});

/**
 * Whether a setting the change names differs between the version it was made on and a newer
 * one. One that does not collides with nothing: only other settings were saved meanwhile.
 */
export function touchedSince(changes: Partial<Settings>, base: Settings, newer: Settings): boolean {
  return (Object.keys(changes) as (keyof Settings)[]).some(
    (key) => JSON.stringify(base[key]) !== JSON.stringify(newer[key]),
  );
}
