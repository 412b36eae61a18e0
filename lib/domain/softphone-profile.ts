import { z } from 'zod';
import { LIMITS } from './limits';

const Selector = z.string().trim().min(1).max(LIMITS.shortText);
const Pattern = z
  .string()
  .max(LIMITS.shortText)
  .refine((source) => {
    try {
      new RegExp(source, 'i');
      return true;
    } catch {
      return false;
    }
  }, 'Must be a valid regular expression.');

/** What every profile has: its id, its name and the pages it applies to. */
const profilePages = {
  id: z.string().min(1).max(LIMITS.fieldKey),
  name: z.string().min(1).max(LIMITS.name),
  /** Match patterns of the pages this profile applies to, e.g. `https://console.example.com/*`. */
  matches: z.array(z.string().min(1).max(LIMITS.url)).min(1),
};

/**
 * A softphone described as data: where its call widgets are and what its state text says.
 * The generic watcher in watch-dom-profile.ts runs any profile; no softphone gets code of its own.
 */
export const DomProfileSchema = z.object({
  ...profilePages,
  selectors: z.object({
    /** Present exactly while a call is ringing, dialing or connected. */
    activeCall: Selector,
    stateText: Selector.optional(),
    number: Selector,
    callerName: Selector.optional(),
    queue: Selector.optional(),
    transactionId: Selector.optional(),
    direction: Selector.optional(),
    campaign: Selector.optional(),
    /** Elements whose `value` (inputs) or text is a selected transaction code. */
    selectedCodes: Selector.optional(),
    /** Elements carrying a system code in `data-code` or their text. */
    systemCode: Selector.optional(),
    callbackAt: Selector.optional(),
    /** The softphone's own call timer; shown by the options page's test, not used for the log. */
    duration: Selector.optional(),
    /**
     * Present while the agent wraps up the call that just ended, when codes and the callback
     * can still change; its disappearance reports the call as wrapped up.
     */
    wrapUp: Selector.optional(),
    /** Click-to-dial: the softphone's number field and the button that dials it (Call now). */
    dialInput: Selector.optional(),
    dialButton: Selector.optional(),
  }),
  /** Case-insensitive patterns over the state text. */
  states: z.object({ connected: Pattern, outbound: Pattern.optional() }),
});
export type DomProfile = z.infer<typeof DomProfileSchema>;

/**
 * A softphone whose pages show nothing worth reading, allowed only so that the WebRTC observer
 * sees its calls start and end. The number comes from the page when it shows exactly one
 * (page-call-facts.ts); otherwise the log asks the agent for it.
 */
export const WebRtcProfileSchema = z.object({ ...profilePages, adapter: z.literal('webrtc') });
export type WebRtcProfile = z.infer<typeof WebRtcProfileSchema>;

/** Any softphone profile: its call panel read through selectors, or its WebRTC calls alone. */
export const SoftphoneProfileSchema = z.union([WebRtcProfileSchema, DomProfileSchema]);
export type SoftphoneProfile = z.infer<typeof SoftphoneProfileSchema>;

export function isDomProfile(profile: SoftphoneProfile): profile is DomProfile {
  return 'selectors' in profile;
}
