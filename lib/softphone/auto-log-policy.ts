import type { Settings } from '../domain/settings';
import type { CallEvent } from './call-event';

/**
 * Whether an ended call gets its call log without the agent asking. A campaign call always does
 * (R7: every processed campaign call produces its task); any other interaction only when the
 * contact center switched automatic call logs on (R1) for its kind (call, voicemail, web callback).
 */
export function logsCallAutomatically(
  event: Pick<CallEvent, 'campaign' | 'interaction'>,
  settings: Pick<Settings, 'autoCallLog' | 'callLogKinds'>,
): boolean {
  if (event.campaign) return true;
  return settings.autoCallLog && settings.callLogKinds.includes(event.interaction ?? 'call');
}
