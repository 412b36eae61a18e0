import type { HistoryEntry, HistoryValue } from '../domain/history';
import { formatTaskNumber } from './format';
import { t } from './translate';

function shown(value: HistoryValue): string {
  if (value === null || value === '') return t('none');
  if (Array.isArray(value)) return value.map(shown).join(', ') || t('none');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One line of a task's History tab (R25), in the agent's words. */
export function describeHistory(entry: HistoryEntry): string {
  const { event } = entry;
  switch (event.type) {
    case 'changed':
      return t('history_changed', {
        field: event.field,
        from: shown(event.from),
        to: shown(event.to),
      });
    case 'cloned_from':
      return t('history_cloned_from', { number: formatTaskNumber(event.parentNumber) });
    case 'parent_deleted':
      return t('history_parent_deleted', { number: formatTaskNumber(event.parentNumber) });
    case 'reminder_snoozed':
      return t('history_reminder_snoozed', { until: new Date(event.until).toLocaleString() });
    case 'conflict_resolved':
      return t('history_conflict_resolved', {
        field: event.field,
        kept: shown(event.kept),
        overwritten: shown(event.overwritten),
      });
    default:
      return t(`history_${event.type}`);
  }
}
