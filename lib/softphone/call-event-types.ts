import type { CallDirection } from '../domain/task';

/*
 * The call-event vocabulary as plain constants. Content-script modules validate page input by
 * hand (untrusted-fields.ts) and import these instead of call-event.ts, whose zod would add
 * about 100 KB (gzipped) to every softphone page.
 */

/**
 * A call's life as adapters see it. `ended` comes at hang-up, so the log exists at once (R1);
 * `wrapped_up` comes later, when the agent leaves wrap-up, with the codes and callback finally
 * picked for the same call (same callId).
 */
export const CALL_EVENT_TYPES = ['started', 'connected', 'ended', 'wrapped_up'] as const;

export const CALL_SOURCES = ['dom-profile', 'webrtc', 'page-events'] as const;

/**
 * The voice interactions a softphone reports, each logged as its own task kind; a call when not
 * said. The same values as VOICE_TASK_KINDS in lib/domain/task-kind.ts (a unit test checks).
 */
export const INTERACTION_KINDS = ['call', 'voicemail', 'web_callback'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** The same values as CallDirectionSchema in lib/domain/task.ts (a unit test keeps them equal). */
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const satisfies readonly CallDirection[];
