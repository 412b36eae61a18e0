import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * The name a custom field's values are stored under on every task. Lower-case words only, so a
 * key can never be `__proto__` or another name that means something to JavaScript objects.
 */
export const FieldKeySchema = z
  .string()
  .min(1, 'Key is required.')
  .max(LIMITS.fieldKey, `Keys are at most ${LIMITS.fieldKey} characters.`)
  .regex(/^[a-z][a-z0-9_]*$/, 'Keys are lower-case letters, digits and underscores.');

export function isFieldKey(key: string): boolean {
  return FieldKeySchema.safeParse(key).success;
}
