import { z } from 'zod';
import { LIMITS } from './limits';

/** Services whose outcomes arrive as system transaction codes (R6). */
export const SystemCodeSourceSchema = z.enum(['AMD', 'CCB', 'Auto-TCL']);
export type SystemCodeSource = z.infer<typeof SystemCodeSourceSchema>;

export const TransactionCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Code is required.')
    .max(LIMITS.code)
    .regex(/^[A-Za-z0-9_.-]+$/, 'Use letters, digits, dot, dash or underscore.'),
  label: z.string().trim().min(1, 'Label is required.').max(LIMITS.codeLabel),
  /** Set for codes a contact-center service produces; agents cannot pick or edit those. */
  system: SystemCodeSourceSchema.nullable(),
  active: z.boolean(),
});
export type TransactionCode = z.infer<typeof TransactionCodeSchema>;

/** The system codes every contact center has (R6). */
export const SYSTEM_TRANSACTION_CODES: readonly TransactionCode[] = [
  { code: 'AMD', label: 'Answer machine detected', system: 'AMD', active: true },
  { code: 'CCB-REJECTED', label: 'Call rejected', system: 'CCB', active: true },
  { code: 'CCB-BLOCKED', label: 'Mobile number blocked', system: 'CCB', active: true },
  { code: 'TCL-TEMPFAIL', label: 'Temporary failure', system: 'Auto-TCL', active: true },
];
