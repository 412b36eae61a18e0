import type { DomProfile } from '../domain/softphone-profile';

/**
 * What the background answers a softphone page that asks for its profile: the profile in force
 * for that page (the administrator's first, then the built-in ones), already parsed there with
 * DomProfileSchema, or null when none covers it.
 */
export interface SoftphoneProfileReply {
  ok: true;
  profile: DomProfile | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The profile in the background's reply, if it has the shape the watcher needs. Only our own
 * extension can answer a content script's message, and it sent a parsed profile, so this light
 * check, without zod, only guards against a reply from an older or newer version of ourselves.
 */
export function profileFromReplyOptional(reply: unknown): DomProfile | null {
  const profile = isRecord(reply) ? reply.profile : null;
  if (!isRecord(profile) || !isRecord(profile.selectors) || !isRecord(profile.states)) return null;
  const fits =
    typeof profile.id === 'string' &&
    Array.isArray(profile.matches) &&
    typeof profile.selectors.activeCall === 'string' &&
    typeof profile.selectors.number === 'string' &&
    typeof profile.states.connected === 'string';
  return fits ? (profile as unknown as DomProfile) : null;
}
