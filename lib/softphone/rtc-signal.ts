import type { CallDirection } from '../domain/task';
import { CALL_DIRECTIONS } from './call-event-types';
import { nonNegativeInteger, oneOf, strictRecord } from './untrusted-fields';

export const RTC_SIGNAL_KINDS = ['rtc-started', 'rtc-connected', 'rtc-ended'] as const;

/**
 * What the MAIN-world WebRTC observer reports: one call's start (first connection carrying
 * audio), connection and end (last such connection gone). Deliberately tiny: it crosses from the
 * page's world, where anything can be forged, so there is little to validate and nothing to trust.
 */
export interface RtcSignal {
  kind: (typeof RTC_SIGNAL_KINDS)[number];
  /** Milliseconds since the epoch, by the page's clock. */
  at: number;
  /** From who made the first offer: our side (outbound) or the far side (inbound); a guess. */
  direction: CallDirection | null;
}

/**
 * Checks a signal as it came from the page's world, by hand (untrusted-fields.ts): it is parsed
 * in the content script, which must stay small. Throws a Refusal that says what is wrong.
 */
export function checkRtcSignal(value: unknown): RtcSignal {
  const signal = strictRecord(value, 'signal', ['kind', 'at', 'direction']);
  return {
    kind: oneOf(signal.kind, 'signal.kind', RTC_SIGNAL_KINDS),
    at: nonNegativeInteger(signal.at, 'signal.at'),
    direction:
      signal.direction === null
        ? null
        : oneOf(signal.direction, 'signal.direction', CALL_DIRECTIONS),
  };
}
