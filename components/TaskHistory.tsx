import { useEffect } from 'preact/hooks';
import type { Task } from '../lib/domain/task';
import { describeChange } from '../lib/i18n/describe-change';
import { formatDateTime, formatTaskNumber } from '../lib/i18n/format';
import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';

/** The tasks cloned from this one (R15), each opening with a click. */
function CloneList() {
  const state = useAppState();
  const clones = state.clones.value ?? [];
  if (clones.length === 0) return null;
  return (
    <>
      <h4 id="clones-heading">{t('clonesHeading', { count: clones.length })}</h4>
      <ul class="clone-list" aria-labelledby="clones-heading" data-testid="clones">
        {clones.map((clone) => (
          <li key={clone.id}>
            <button type="button" class="link-button" onClick={() => state.open(clone.id)}>
              {formatTaskNumber(clone.number)} · {clone.subject}
            </button>{' '}
            <span class="hint">{formatDateTime(clone.createdAt)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every change the open task went through: who, when, from what to what (R25). */
export function TaskHistory({ task }: { task: Task }) {
  const state = useAppState();
  const entries = state.history.value;
  const customerIds = (entries ?? []).flatMap(({ event }) =>
    event.type === 'changed' && event.field === 'customerId'
      ? [event.from, event.to].filter((id): id is string => typeof id === 'string')
      : [],
  );
  const customerKey = customerIds.join(',');
  useEffect(() => {
    if (customerIds.length > 0) void state.loadCustomerNames(customerIds);
  }, [customerKey]);
  const labels = {
    definitions: state.definitions.value ?? [],
    customerName: (id: string) => state.customerNames.value.get(id),
  };
  return (
    <section class="history" aria-labelledby="history-heading" data-task-id={task.id}>
      <h3 id="history-heading">{t('history')}</h3>
      <CloneList />
      {entries === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : entries.length === 0 ? (
        <p class="empty">{t('historyEmpty')}</p>
      ) : (
        <ol class="history-list" data-testid="history">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id}>
              <span class="history-what">{describeChange(entry, labels)}</span>
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
