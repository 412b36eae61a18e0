import { z } from 'zod';
import { SettingsSchema } from './settings';

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
export type SettingsChanges = z.infer<typeof SettingsChangesSchema>;
