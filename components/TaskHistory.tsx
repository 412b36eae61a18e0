import { describeHistory } from '../lib/i18n/describe-history';
import { formatDateTime } from '../lib/i18n/format';
import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';

/** Every change the open task went through: who, when, from what to what (R25). */
export function TaskHistory() {
  const state = useAppState();
  const entries = state.history.value;
  return (
    <section class="history" aria-labelledby="history-heading">
      <h3 id="history-heading">{t('history')}</h3>
      {entries === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : entries.length === 0 ? (
        <p class="empty">{t('historyEmpty')}</p>
      ) : (
        <ol class="history-list" data-testid="history">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id}>
              <span class="history-what">{describeHistory(entry)}</span>
              <span class="history-when">
                {formatDateTime(entry.at)} ·{' '}
                {t('historyBy', { who: entry.by === state.agentId ? t('you') : t('someone') })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
