import { MatchPattern } from 'wxt/utils/match-patterns';
import type { DomProfile } from '../domain/softphone-profile';
import { DEMO_SOFTPHONE_PROFILE } from './demo-softphone-profile';

export const BUILT_IN_PROFILES: readonly DomProfile[] = [DEMO_SOFTPHONE_PROFILE];

/** The profile whose match patterns cover this page, if any. */
export function profileForUrlOptional(
  url: string,
  profiles: readonly DomProfile[] = BUILT_IN_PROFILES,
): DomProfile | undefined {
  return profiles.find((profile) =>
    profile.matches.some((pattern) => new MatchPattern(pattern).includes(url)),
  );
}
