import { z } from 'zod';
import { CustomerPageRecogniserSchema } from './customer-page-recogniser';
import { SoftphoneProfileSchema } from './softphone-profile';
import { TaskKindSchema } from './task-kind';

/** Enough for any contact center's softphones and CRMs, small enough to sync to every agent. */
export const MAX_SHARED_PROFILES = 50;

/** A list whose entries are told apart by id, so two entries never shadow each other. */
function listWithUniqueIds<T extends z.ZodType<{ id: string }>>(entry: T) {
  return z
    .array(entry)
    .max(MAX_SHARED_PROFILES)
    .superRefine((items, context) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `"${item.id}" is used twice.`,
          });
        }
        seen.add(item.id);
      });
    });
}

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
  /**
   * The contact center's softphone profiles and customer-page recognisers, synced to every
   * agent's browser. Optional so settings saved before they existed still read.
   */
  softphoneProfiles: listWithUniqueIds(SoftphoneProfileSchema).optional(),
  customerPageRecognisers: listWithUniqueIds(CustomerPageRecogniserSchema).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  autoCallLog: true,
  callLogOpensIn: 'edit',
  callLogKinds: ['call', 'voicemail', 'web_callback'],
  codesRequiredOnCallLogs: false,
  defaultReminderLeadMinutes: 5,
  workingSetDays: 90,
  softphoneProfiles: [],
  customerPageRecognisers: [],
};
