import { z } from 'zod';
import { CallDirectionSchema } from '../domain/task';

export const RTC_SIGNAL_KINDS = ['rtc-started', 'rtc-connected', 'rtc-ended'] as const;

/**
 * What the MAIN-world WebRTC observer reports: one call's start (first connection carrying
 * audio), connection and end (last such connection gone). Deliberately tiny: it crosses from the
 * page's world, where anything can be forged, so there is little to validate and nothing to trust.
 */
export const RtcSignalSchema = z
  .object({
    kind: z.enum(RTC_SIGNAL_KINDS),
    /** Milliseconds since the epoch, by the page's clock. */
    at: z.int().nonnegative(),
    /** From who made the first offer: our side (outbound) or the far side (inbound); a guess. */
    direction: CallDirectionSchema.nullable(),
  })
  .strict();
export type RtcSignal = z.infer<typeof RtcSignalSchema>;
