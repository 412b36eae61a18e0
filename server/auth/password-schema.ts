import { z } from 'zod';

/** Long enough to resist guessing, short enough that hashing it is no denial of service. */
export const PasswordSchema = z
  .string()
  .min(10, 'Passwords are at least 10 characters.')
  .max(200, 'Passwords are at most 200 characters.');
