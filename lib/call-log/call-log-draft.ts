import type { Id } from '../domain/ids';
import type { TaskDraft } from '../domain/task-draft';
import { t } from '../i18n/translate';
import type { CallEvent } from '../softphone/call-event';

function durationSeconds(event: CallEvent): number {
  if (!event.connectedAt || !event.endedAt) return 0;
  const seconds = Math.round((Date.parse(event.endedAt) - Date.parse(event.connectedAt)) / 1000);
  return Math.max(0, seconds);
}

/** Turns an ended call into the draft of its system-generated call log (R1): who called, when, how long, and the codes it carried. */
export function callLogDraft(
  event: CallEvent,
  context: { agentId: Id; customerId: Id | null },
): TaskDraft {
  const party = event.callerName ?? event.number ?? t('unknownCaller');
  return {
    kind: event.interaction ?? 'call',
    origin: event.campaign ? 'campaign' : 'system',
    subject: t('callWith', { party }).slice(0, 200),
    notes: '',
    customerId: context.customerId,
    assigneeId: context.agentId,
    transactionId: event.transactionId,
    transactionCodes: [...new Set([...event.selectedCodes, ...event.systemCodes])],
    call: {
      number: event.number,
      callerName: event.callerName,
      direction: event.direction,
      queue: event.queue,
      campaign: event.campaign,
      startedAt: event.startedAt,
      connectedAt: event.connectedAt,
      endedAt: event.endedAt,
      durationSeconds: durationSeconds(event),
    },
    scheduledAt: event.callbackAt,
  };
}
