import { z } from 'zod';
import { LIMITS } from '../domain/limits';
import { normalizePhone } from '../domain/phone';
import type { DomProfile } from '../domain/softphone-profile';
import { readCallIdentity, readTextOptional } from './page-call-facts';

/** What a profile detects on a page right now: the options page's "test on this tab". */
export const ProfileProbeSchema = z
  .object({
    /** Whether the active-call element is on the page. */
    activeCall: z.boolean(),
    state: z.enum(['no-call', 'ringing', 'connected']),
    stateText: z.string().max(200).nullable(),
    number: z.string().max(LIMITS.phone).nullable(),
    callerName: z.string().max(LIMITS.name).nullable(),
    transactionId: z.string().max(LIMITS.transactionId).nullable(),
    duration: z.string().max(40).nullable(),
    /** Selectors the page's DOM refused (a syntax the browser does not know). */
    brokenSelectors: z.array(z.string().max(LIMITS.fieldKey)).max(20),
  })
  .strict();
export type ProfileProbe = z.infer<typeof ProfileProbeSchema>;

function brokenSelectors(root: ParentNode, profile: DomProfile): string[] {
  return Object.entries(profile.selectors).flatMap(([key, selector]) => {
    if (!selector) return [];
    try {
      root.querySelector(selector);
      return [];
    } catch {
      return [key];
    }
  });
}

/** Runs every selector of the profile once over the page, the way the watcher would read it. */
export function probeDomProfile(root: ParentNode, profile: DomProfile): ProfileProbe {
  const broken = brokenSelectors(root, profile);
  const usable: DomProfile = {
    ...profile,
    selectors: Object.fromEntries(
      Object.entries(profile.selectors).filter(([key]) => !broken.includes(key)),
    ) as DomProfile['selectors'],
  };
  const activeCall =
    !broken.includes('activeCall') && root.querySelector(profile.selectors.activeCall) !== null;
  const stateText = readTextOptional(root, usable.selectors.stateText, 200);
  const connected = stateText !== null && new RegExp(profile.states.connected, 'i').test(stateText);
  const identity = readCallIdentity(root, usable);
  return {
    activeCall,
    state: !activeCall ? 'no-call' : connected ? 'connected' : 'ringing',
    stateText,
    // As the background will log it: E.164 when the number is valid.
    number: identity.number ? (normalizePhone(identity.number) ?? identity.number) : null,
    callerName: identity.callerName,
    transactionId: identity.transactionId,
    duration: readTextOptional(root, usable.selectors.duration, 40),
    brokenSelectors: broken,
  };
}
