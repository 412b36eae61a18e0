import { useEffect } from 'preact/hooks';
import type { Task } from '../lib/domain/task';
import { formatDateTime, formatTaskNumber } from '../lib/i18n/format';
import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';

/** The time an agent plans by: the scheduled call, else the due date, else when the call was. */
function rowTime(task: Task): string | null {
  return task.scheduledAt ?? task.dueAt ?? task.call?.startedAt ?? null;
}

/** One task in a list: number, kind, subject, customer, due time and codes. */
export function TaskRow({
  task,
  index,
  tabIndex,
  onFocus,
  onOpen,
  fromServer = false,
}: {
  task: Task;
  index: number;
  tabIndex: number;
  onFocus: () => void;
  onOpen: () => void;
  fromServer?: boolean;
}) {
  const state = useAppState();
  const { customerId } = task;
  useEffect(() => {
    if (customerId) void state.loadCustomerNames([customerId]);
  }, [customerId]);
  const customer = customerId ? (state.customerNames.value.get(customerId) ?? '…') : null;
  const party = customer ?? task.call?.callerName ?? null;
  const time = rowTime(task);
  // Code ids keep the row short; the task's form shows their labels.
  const codes = task.transactionCodes.join(', ');
  return (
    <button
      type="button"
      class="task-row"
      data-task-id={task.id}
      data-index={index}
      tabIndex={tabIndex}
      onFocus={onFocus}
      onClick={onOpen}
    >
      <span class="task-number">
        {formatTaskNumber(task.number)}
        {fromServer && (
          <span class="badge from-server" data-field="from-server">
            {t('fromServer')}
          </span>
        )}
      </span>
      <span class="task-kind">{t(`kind_${task.kind}`)}</span>
      <span class="task-subject">{task.subject}</span>
      <span class="task-meta">
        {party !== null && <span data-field="customer">{party}</span>}
        {task.call?.number && <span data-field="number">{task.call.number}</span>}
        {time && <span data-field="time">{formatDateTime(time)}</span>}
        {codes && <span data-field="codes">{codes}</span>}
        {task.status !== 'open' && <span data-field="status">{t(`status_${task.status}`)}</span>}
      </span>
    </button>
  );
}
