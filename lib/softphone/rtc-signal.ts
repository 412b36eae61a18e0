import * as z from 'zod/mini';
import { CALL_DIRECTIONS } from './call-event-types';

export const RTC_SIGNAL_KINDS = ['rtc-started', 'rtc-connected', 'rtc-ended'] as const;

/**
 * What the MAIN-world WebRTC observer reports: one call's start (first connection carrying
 * audio), connection and end (last such connection gone). Deliberately tiny: it crosses from the
 * page's world, where anything can be forged, so there is little to validate and nothing to trust.
 * zod/mini, as it is parsed in the content script (see call-event-types.ts).
 */
export const RtcSignalSchema = z.strictObject({
  kind: z.enum(RTC_SIGNAL_KINDS),
  /** Milliseconds since the epoch, by the page's clock. */
  at: z.int().check(z.nonnegative()),
  /** From who made the first offer: our side (outbound) or the far side (inbound); a guess. */
  direction: z.nullable(z.enum(CALL_DIRECTIONS)),
});
export type RtcSignal = z.infer<typeof RtcSignalSchema>;
