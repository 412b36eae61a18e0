import { MatchPattern } from 'wxt/utils/match-patterns';
import {
  type DomProfile,
  DomProfileSchema,
  isDomProfile,
  type SoftphoneProfile,
  WebRtcProfileSchema,
} from '../domain/softphone-profile';

/** A softphone profile as typed in the options page: every field a string, nothing checked yet. */
export interface ProfileDraft {
  id: string;
  name: string;
  /** Match patterns, one per line. */
  matches: string;
  /**
   * What Wrapup watches on the pages: the call panel through the selectors, or only the page's
   * WebRTC calls (no selectors). Switching keeps what was typed in the selectors.
   */
  adapter: 'dom' | 'webrtc';
  selectors: Partial<Record<keyof DomProfile['selectors'], string>>;
  states: { connected: string; outbound: string };
}

export type ProfileDraftResult =
  | { ok: true; profile: SoftphoneProfile }
  | { ok: false; errors: Record<string, string> };

export const PROFILE_SELECTOR_KEYS = Object.keys(
  DomProfileSchema.shape.selectors.shape,
) as (keyof DomProfile['selectors'])[];

/** The draft of an existing profile, for editing it. */
export function draftFromProfile(profile: SoftphoneProfile): ProfileDraft {
  const common = { id: profile.id, name: profile.name, matches: profile.matches.join('\n') };
  if (!isDomProfile(profile)) {
    return { ...common, adapter: 'webrtc', selectors: {}, states: { connected: '', outbound: '' } };
  }
  return {
    ...common,
    adapter: 'dom',
    selectors: { ...profile.selectors },
    states: { connected: profile.states.connected, outbound: profile.states.outbound ?? '' },
  };
}

/** An id from the name, stable enough to find the profile again: "My Console" → "my-console". */
export function profileIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'profile';
}

function matchPatternError(pattern: string): string | null {
  try {
    new MatchPattern(pattern);
    return null;
  } catch {
    return `"${pattern}" is not a match pattern (like https://console.example.com/*).`;
  }
}

/**
 * Turns the typed draft into a profile through the same schema the content script trusts, with
 * a message per field for whatever is wrong. Empty optional fields are left out; a WebRTC-only
 * profile leaves out every selector, whatever was typed in them.
 */
export function parseProfileDraft(draft: ProfileDraft): ProfileDraftResult {
  const matches = draft.matches
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const pages = {
    id: draft.id.trim() || profileIdFromName(draft.name),
    name: draft.name.trim(),
    matches,
  };
  const parsed =
    draft.adapter === 'webrtc'
      ? WebRtcProfileSchema.safeParse({ ...pages, adapter: 'webrtc' })
      : DomProfileSchema.safeParse({ ...pages, ...domPartOf(draft) });
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path[0] === 'matches' ? 'matches' : issue.path.slice(0, 2).join('.');
      errors[path] ??= issue.message;
    }
  }
  for (const pattern of matches) {
    const error = matchPatternError(pattern);
    if (error) {
      errors.matches ??= error;
      break;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, profile: parsed.data };
}

function domPartOf(draft: ProfileDraft): Pick<DomProfile, 'selectors' | 'states'> {
  const selectors = Object.fromEntries(
    Object.entries(draft.selectors)
      .map(([key, value]) => [key, (value ?? '').trim()] as const)
      .filter(([, value]) => value !== ''),
  ) as DomProfile['selectors'];
  const outbound = draft.states.outbound.trim();
  return {
    selectors,
    states: { connected: draft.states.connected.trim(), ...(outbound ? { outbound } : {}) },
  };
}
