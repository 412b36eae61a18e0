import { z } from 'zod';
import { TaskKindSchema } from './task-kind';

/** Contact-center settings the administrator controls (R1, R2, R11). */
export const SettingsSchema = z.object({
  autoCallLog: z.boolean(),
  callLogOpensIn: z.enum(['edit', 'view']),
  /** Which interaction kinds produce call logs. */
  callLogKinds: z.array(TaskKindSchema),
  codesRequiredOnCallLogs: z.boolean(),
  defaultReminderLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  workingSetDays: z.number().int().min(1).max(3650),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  autoCallLog: true,
  callLogOpensIn: 'edit',
  callLogKinds: ['call', 'voicemail', 'web_callback'],
  codesRequiredOnCallLogs: false,
  defaultReminderLeadMinutes: 5,
  workingSetDays: 90,
};
