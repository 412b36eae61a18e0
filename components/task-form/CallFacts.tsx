import { describeCodes } from '../../lib/domain/format-codes';
import type { Task } from '../../lib/domain/task';
import { formatDateTime, formatDuration } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/translate';
import { useAppState } from '../app-context';

/** What the softphone said about the call: read-only, the contact center's record. */
export function CallFacts({ task }: { task: Task }) {
  const state = useAppState();
  const call = task.call;
  if (!call) return null;
  return (
    <dl class="call-facts">
      <dt>{t('fieldPhone')}</dt>
      <dd data-field="number">{call.number ?? t('none')}</dd>
      <dt>{t('fieldCaller')}</dt>
      <dd data-field="caller">{call.callerName ?? t('none')}</dd>
      <dt>{t('fieldStarted')}</dt>
      <dd data-field="started">{formatDateTime(call.startedAt)}</dd>
      <dt>{t('fieldEnded')}</dt>
      <dd data-field="ended">{formatDateTime(call.endedAt)}</dd>
      <dt>{t('fieldDuration')}</dt>
      <dd data-field="duration">{formatDuration(call.durationSeconds)}</dd>
      <dt>{t('fieldTransactionId')}</dt>
      <dd data-field="transaction-id">{task.transactionId ?? t('none')}</dd>
      <dt>{t('fieldCodes')}</dt>
      <dd data-field="codes">
        {describeCodes(task.transactionCodes, state.codes.value ?? [])
          .map(({ code, label }) => (label === code ? code : `${label} (${code})`))
          .join(', ') || t('none')}
      </dd>
    </dl>
  );
}
