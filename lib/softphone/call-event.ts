import { z } from 'zod';
import { TimestampSchema } from '../domain/ids';
import { LIMITS } from '../domain/limits';
import { CallDirectionSchema } from '../domain/task';

import { CALL_EVENT_TYPES, CALL_SOURCES, INTERACTION_KINDS } from './call-event-types';

export { CALL_EVENT_TYPES };

export const CallSourceSchema = z.enum(CALL_SOURCES);
export type CallSource = z.infer<typeof CallSourceSchema>;

const Text = (max: number) => z.string().max(max).nullable();
const Codes = z.array(z.string().trim().min(1).max(LIMITS.code)).max(LIMITS.listItems);

/**
 * What a softphone adapter reports about a call. It comes from a web page, so the background
 * validates it again and rejects anything out of shape or oversized.
 */
export const CallEventSchema = z
  .object({
    type: z.enum(CALL_EVENT_TYPES),
    /** The adapter's own id for the call, stable across its started/connected/ended events. */
    callId: z.string().min(1).max(100),
    source: CallSourceSchema,
    at: TimestampSchema,
    number: Text(LIMITS.phone),
    callerName: Text(LIMITS.name),
    direction: CallDirectionSchema,
    /** Voicemail and web callbacks get their own kind of log; a call when absent. */
    interaction: z.enum(INTERACTION_KINDS).optional(),
    queue: Text(LIMITS.name),
    campaign: Text(LIMITS.name),
    transactionId: Text(LIMITS.transactionId),
    selectedCodes: Codes,
    systemCodes: Codes,
    callbackAt: TimestampSchema.nullable(),
    startedAt: TimestampSchema,
    connectedAt: TimestampSchema.nullable(),
    endedAt: TimestampSchema.nullable(),
    /** Every adapter that saw this call, set once call-fusion.ts has merged their reports. */
    sources: z.array(CallSourceSchema).min(1).max(CallSourceSchema.options.length).optional(),
  })
  .strict();
export type CallEvent = z.infer<typeof CallEventSchema>;
