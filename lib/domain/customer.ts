import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids';
import { LIMITS } from './limits';

export const CustomerSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1, 'Name is required.').max(LIMITS.name),
  /** E.164 numbers only, so a caller matches whatever way the softphone formats them (R3). */
  phones: z
    .array(z.string().regex(/^\+[1-9]\d{1,14}$/, 'Phone numbers are stored as E.164.'))
    .max(20),
  emails: z.array(z.email('Must be an email address.').max(LIMITS.email)).max(20),
  company: z.string().max(LIMITS.name).nullable(),
  /** The record's ids in the contact center's own CRM(s). */
  externalIds: z.array(z.string().trim().min(1).max(LIMITS.shortText)).max(20),
  notes: z.string().max(LIMITS.notes),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().min(0),
  deletedAt: TimestampSchema.nullable(),
});
export type Customer = z.infer<typeof CustomerSchema>;
