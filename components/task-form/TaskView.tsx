import { useEffect } from 'preact/hooks';
import type { FieldDefinition } from '../../lib/domain/field-definition';
import { activeFieldsFor } from '../../lib/domain/field-values';
import { formatCodes } from '../../lib/domain/format-codes';
import type { FieldValue } from '../../lib/domain/task';
import { formatDateTime } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/translate';
import { localDateTimeToIso } from '../../lib/state/local-date-time';
import type { TaskFormState } from '../../lib/state/task-form-state';
import { useAppState } from '../app-context';

function shownValue(definition: FieldDefinition, value: FieldValue | undefined): string {
  if (value === undefined || value === null || value === '') return t('none');
  if (Array.isArray(value)) return value.join(', ') || t('none');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (definition.type === 'date_time' && typeof value === 'string') return formatDateTime(value);
  return String(value);
}

/** The task read-only (R2 view mode, or without the edit permission — R24). */
export function TaskView({ form }: { form: TaskFormState }) {
  const state = useAppState();
  const values = form.values.value;
  const customerId = values.customerId;
  useEffect(() => {
    if (customerId) void state.loadCustomerNames([customerId]);
  }, [customerId]);
  const customerName = customerId ? (state.customerNames.value.get(customerId) ?? '…') : null;
  const scheduled = values.scheduledAt ? localDateTimeToIso(values.scheduledAt) : null;
  const lead =
    values.reminderLeadMinutes === ''
      ? t('reminderLeadDefault', { minutes: state.settings.value?.defaultReminderLeadMinutes ?? 5 })
      : t('minutes', { minutes: values.reminderLeadMinutes });
  return (
    <dl class="task-view" data-testid="task-view">
      <dt>{t('fieldKind')}</dt>
      <dd data-field="kind">{t(`kind_${values.kind}`)}</dd>
      <dt>{t('fieldSubject')}</dt>
      <dd data-field="subject">{values.subject}</dd>
      <dt>{t('fieldStatus')}</dt>
      <dd data-field="status">{t(`status_${values.status}`)}</dd>
      <dt>{t('fieldCustomer')}</dt>
      <dd data-field="customer">
        {customerId && customerName ? (
          <button type="button" class="link-button" onClick={() => state.openCustomer(customerId)}>
            {customerName}
          </button>
        ) : (
          t('noCustomer')
        )}
      </dd>
      <dt>{t('fieldDueAt')}</dt>
      <dd data-field="due">
        {values.dueAt ? formatDateTime(localDateTimeToIso(values.dueAt)) : t('none')}
      </dd>
      <dt>{t('fieldScheduledAt')}</dt>
      <dd data-field="scheduled">
        {scheduled ? `${formatDateTime(scheduled)} · ${t('reminderBefore', { lead })}` : t('none')}
      </dd>
      <dt>{t('fieldCodes')}</dt>
      <dd data-field="codes-view">
        {formatCodes(values.transactionCodes, state.codes.value ?? []) || t('none')}
      </dd>
      {activeFieldsFor(state.definitions.value ?? [], values.kind).map((definition) => (
        <div key={definition.id} class="task-view-pair">
          <dt>{definition.label}</dt>
          <dd data-field={`fields.${definition.key}`}>
            {shownValue(definition, values.fields[definition.key])}
          </dd>
        </div>
      ))}
      <dt>{t('fieldNotes')}</dt>
      <dd data-field="notes" class="notes">
        {values.notes || t('none')}
      </dd>
    </dl>
  );
}
