import { z } from 'zod';
import { TimestampSchema } from '../../lib/domain/ids';
import { LIMITS } from '../../lib/domain/limits';
import { CallDirectionSchema } from '../../lib/domain/task';
import { SystemCodeSourceSchema, TransactionCodeSchema } from '../../lib/domain/transaction-code';

/**
 * An ended interaction as the contact center's platform reports it to POST /v1/interactions.
 * `type` decides the task: call, voicemail and web_callback make call logs when the settings
 * say so (R1); every campaign_call makes one (R7). `systemCodes` are the outcomes AMD, CCB and
 * Auto-TCL produce (R6); `callback` is a call scheduled during a campaign (R8).
 */
export const InteractionSchema = z.strictObject({
  interactionId: z.string().trim().min(1).max(LIMITS.transactionId),
  type: z.enum(['call', 'voicemail', 'web_callback', 'campaign_call']),
  direction: CallDirectionSchema,
  /** The other party's number, in any format; matched to a customer as E.164 (R3). */
  phone: z.string().max(LIMITS.phone).nullable(),
  callerName: z.string().max(LIMITS.name).nullable().optional(),
  /** The agent who handled it (their sign-in email); the tasks are assigned to them. */
  agentEmail: z.email().max(LIMITS.email).nullable().optional(),
  queue: z.string().max(LIMITS.name).nullable().optional(),
  campaign: z.string().max(LIMITS.name).nullable().optional(),
  startedAt: TimestampSchema,
  connectedAt: TimestampSchema.nullable().optional(),
  endedAt: TimestampSchema,
  /** Codes the agent picked during the interaction (R5). */
  transactionCodes: z.array(TransactionCodeSchema.shape.code).max(LIMITS.listItems).optional(),
  /** Outcomes recorded by the platform's services (R6). */
  systemCodes: z
    .array(
      z.strictObject({
        code: TransactionCodeSchema.shape.code,
        label: TransactionCodeSchema.shape.label,
        source: SystemCodeSourceSchema,
      }),
    )
    .max(LIMITS.listItems)
    .optional(),
  /** A callback scheduled during a campaign call (R8). */
  callback: z
    .strictObject({
      scheduledAt: TimestampSchema,
      reminderLeadMinutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60)
        .nullable()
        .optional(),
      notes: z.string().max(LIMITS.notes).optional(),
    })
    .nullable()
    .optional(),
  notes: z.string().max(LIMITS.notes).optional(),
});
export type Interaction = z.infer<typeof InteractionSchema>;
