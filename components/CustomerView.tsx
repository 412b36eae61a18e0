import { useSignal } from '@preact/signals';
import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';
import { CustomerEditForm } from './CustomerEditForm';
import { VirtualTaskList } from './VirtualTaskList';

/** A customer's record: details, every task newest first (R23), and a new task for them (R10). */
export function CustomerView() {
  const state = useAppState();
  const editing = useSignal(false);
  const customer = state.customer.value;
  const tasks = state.customerTasks.value;
  if (customer === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (customer === null) {
    return (
      <p role="alert" class="error">
        {t('customerNotFound')}{' '}
        <button type="button" class="link-button" onClick={() => state.close()}>
          {t('back')}
        </button>
      </p>
    );
  }
  return (
    <section class="customer-view" aria-labelledby="customer-heading" data-testid="customer-view">
      <div class="form-header">
        <button type="button" class="link-button" onClick={() => state.close()}>
          ← {t('goBack')}
        </button>
        <h2 id="customer-heading">{customer.name}</h2>
      </div>
      {editing.value ? (
        <CustomerEditForm
          customer={customer}
          onDone={() => {
            editing.value = false;
          }}
        />
      ) : (
        <>
          <dl class="call-facts">
            <dt>{t('customerPhone')}</dt>
            <dd data-field="phones">{customer.phones.join(', ') || t('none')}</dd>
            <dt>{t('customerEmail')}</dt>
            <dd data-field="emails">{customer.emails.join(', ') || t('none')}</dd>
            <dt>{t('customerCompany')}</dt>
            <dd data-field="company">{customer.company ?? t('none')}</dd>
            {customer.externalIds.length > 0 && (
              <>
                <dt>{t('customerExternalIds')}</dt>
                <dd data-field="external-ids">{customer.externalIds.join(', ')}</dd>
              </>
            )}
          </dl>
          {customer.notes && <p class="notes">{customer.notes}</p>}
          {state.can('edit') && (
            <button
              type="button"
              class="edit-customer"
              onClick={() => {
                editing.value = true;
              }}
            >
              {t('editCustomer')}
            </button>
          )}
        </>
      )}
      <div class="list-heading">
        <h3 id="customer-tasks-heading">{t('customerTasks')}</h3>
        {state.can('create') && (
          <button type="button" onClick={() => state.newTask(customer.id)}>
            {t('newTaskForCustomer')}
          </button>
        )}
      </div>
      {tasks === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : tasks.length === 0 ? (
        <p class="empty">{t('customerNoTasks')}</p>
      ) : (
        <VirtualTaskList
          tasks={tasks}
          label={t('customerTasks')}
          testId="customer-tasks"
          onOpen={(task) => state.open(task.id)}
        />
      )}
    </section>
  );
}
