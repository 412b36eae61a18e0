import { useSignal } from '@preact/signals';
import { createdRangeFromDays } from '../../lib/domain/created-range';
import { t } from '../../lib/i18n/translate';
import type { DataExportApi } from './customer-data-api';

type What = 'tasks' | 'customers';

/** Tasks and customers created in a range of days, downloaded as CSV. */
export function DataExport({ api }: { api: DataExportApi }) {
  const fromDay = useSignal('');
  const toDay = useSignal('');
  const error = useSignal('');
  const status = useSignal('');
  const busy = useSignal(false);

  const run = async (what: What) => {
    status.value = '';
    const parsed = createdRangeFromDays(fromDay.value, toDay.value);
    if ('error' in parsed) {
      error.value = parsed.error;
      return;
    }
    error.value = '';
    busy.value = true;
    try {
      const count =
        what === 'tasks'
          ? await api.exportTasks(parsed.range)
          : await api.exportCustomers(parsed.range);
      status.value = t(what === 'tasks' ? 'exportTasksDone' : 'exportCustomersDone', { count });
    } catch (failure) {
      error.value = t('exportFailed', {
        reason: failure instanceof Error ? failure.message : String(failure),
      });
    } finally {
      busy.value = false;
    }
  };

  return (
    <section aria-labelledby="data-export-heading" data-testid="data-export">
      <h2 id="data-export-heading">{t('exportHeading')}</h2>
      <p>{t('exportIntro')}</p>
      <div class="actions">
        <div class="field">
          <label for="export-from">{t('exportFrom')}</label>
          <input
            id="export-from"
            type="date"
            value={fromDay.value}
            onInput={(event) => {
              fromDay.value = event.currentTarget.value;
            }}
          />
        </div>
        <div class="field">
          <label for="export-to">{t('exportTo')}</label>
          <input
            id="export-to"
            type="date"
            value={toDay.value}
            onInput={(event) => {
              toDay.value = event.currentTarget.value;
            }}
          />
        </div>
      </div>
      <div class="actions">
        <button type="button" disabled={busy.value} onClick={() => void run('tasks')}>
          {t('exportTasks')}
        </button>
        <button type="button" disabled={busy.value} onClick={() => void run('customers')}>
          {t('exportCustomers')}
        </button>
      </div>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <output>{status.value}</output>
    </section>
  );
}
