import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Customer } from '../../lib/domain/customer';
import type { Id } from '../../lib/domain/ids';
import { ValidationError } from '../../lib/domain/validation-error';
import { t } from '../../lib/i18n/translate';
import type { NewCustomerInput } from '../../lib/state/customer-input';
import { useAppState } from '../app-context';
import { FieldError, invalidProps } from './field-error';

/**
 * The inline "new customer" form (R4): name, phone, email and company, each with its message.
 * A customer started from a CRM page also keeps that page's record ids, unless the agent unticks
 * the link (the name typed may be somebody else's).
 */
function NewCustomerForm({
  initial,
  onCreated,
  onCancel,
}: {
  initial: NewCustomerInput;
  onCreated: (customer: Customer) => void;
  onCancel: () => void;
}) {
  const state = useAppState();
  const name = useSignal(initial.name);
  const phone = useSignal(initial.phone);
  const email = useSignal(initial.email);
  const company = useSignal(initial.company ?? '');
  const externalIds = initial.externalIds ?? [];
  const linkRecord = useSignal(true);
  const errors = useSignal<Record<string, string>>({});
  const create = async () => {
    errors.value = {};
    try {
      onCreated(
        await state.createCustomer({
          name: name.value,
          phone: phone.value,
          email: email.value,
          company: company.value,
          externalIds: linkRecord.value ? externalIds : [],
        }),
      );
    } catch (error) {
      if (error instanceof ValidationError) {
        errors.value = Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
      } else {
        errors.value = { name: error instanceof Error ? error.message : String(error) };
      }
    }
  };
  const input = (
    key: 'name' | 'phone' | 'email' | 'company',
    label: string,
    value: typeof name,
  ) => (
    <div class="field">
      <label for={`new-customer-${key}`}>{label}</label>
      <input
        id={`new-customer-${key}`}
        name={`new-customer-${key}`}
        type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
        value={value.value}
        onInput={(event) => {
          value.value = event.currentTarget.value;
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void create();
          }
        }}
        {...invalidProps(`customer-${key}`, errors.value[key])}
      />
      <FieldError path={`customer-${key}`} message={errors.value[key]} />
    </div>
  );
  return (
    <fieldset class="new-customer">
      <legend>{t('newCustomer')}</legend>
      {input('name', t('customerName'), name)}
      {input('phone', t('customerPhone'), phone)}
      {input('email', t('customerEmail'), email)}
      {input('company', t('customerCompany'), company)}
      {externalIds.length > 0 && (
        <div class="field field-checkbox">
          <label>
            <input
              type="checkbox"
              name="new-customer-link-record"
              checked={linkRecord.value}
              onChange={(event) => {
                linkRecord.value = event.currentTarget.checked;
              }}
            />{' '}
            {t('newCustomerLinkRecord', { ids: externalIds.join(', ') })}
          </label>
        </div>
      )}
      <div class="form-actions">
        <button type="button" class="primary" onClick={() => void create()}>
          {t('createCustomer')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Picks the task's customer by name, phone or email, or creates one inline (R4). An empty
 * choice leaves the task independent (R10).
 */
export function CustomerPicker({
  customerId,
  onSelect,
  callNumber = null,
  candidates = [],
  prefill,
  message,
  autoFocus = false,
}: {
  customerId: Id | null;
  onSelect: (id: Id | null) => void;
  callNumber?: string | null;
  /** Customers the page or call matched, offered first (R4). */
  candidates?: readonly Id[];
  /** A new customer filled from the page, when nobody matched. */
  prefill?: NewCustomerInput;
  message?: string;
  autoFocus?: boolean;
}) {
  const state = useAppState();
  const query = useSignal('');
  const results = useSignal<Customer[]>([]);
  const creating = useSignal(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    if (autoFocus) searchRef.current?.focus();
  }, []);

  useEffect(() => {
    if (customerId) void state.loadCustomerNames([customerId]);
  }, [customerId]);
  const candidateKey = candidates.join(',');
  useEffect(() => {
    if (candidates.length > 0) void state.loadCustomerNames(candidates);
  }, [candidateKey]);

  useEffect(() => {
    const text = query.value.trim();
    let current = true;
    if (text === '') results.value = [];
    else
      void state.searchCustomers(text).then((found) => {
        if (current) results.value = found;
      });
    return () => {
      current = false;
    };
  }, [query.value]);

  const chosenName = customerId ? (state.customerNames.value.get(customerId) ?? '…') : null;
  const pick = (id: Id | null) => {
    onSelect(id);
    query.value = '';
    creating.value = false;
  };

  return (
    <div class="field customer-picker" data-testid="customer-picker">
      <span class="field-label" id="customer-label">
        {t('fieldCustomer')}
      </span>
      <div class="customer-chosen">
        <span data-testid="customer-chosen">{chosenName ?? t('noCustomer')}</span>
        {customerId && (
          <>
            <button
              type="button"
              class="link-button"
              onClick={() => state.openCustomer(customerId)}
            >
              {t('openCustomer')}
            </button>
            <button type="button" class="link-button" onClick={() => pick(null)}>
              {t('removeCustomer')}
            </button>
          </>
        )}
      </div>
      {creating.value ? (
        <NewCustomerForm
          initial={{
            name: query.value || prefill?.name || '',
            phone: callNumber ?? prefill?.phone ?? '',
            email: prefill?.email ?? '',
            company: prefill?.company ?? '',
            externalIds: prefill?.externalIds ?? [],
          }}
          onCreated={(customer) => pick(customer.id)}
          onCancel={() => {
            creating.value = false;
          }}
        />
      ) : (
        <>
          {customerId === null && candidates.length > 0 && (
            <ul class="customer-results" aria-label={t('customerCandidates')}>
              {candidates.map((id) => (
                <li key={id}>
                  <button type="button" onClick={() => pick(id)}>
                    {state.customerNames.value.get(id) ?? '…'}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            type="search"
            name="customer-search"
            aria-labelledby="customer-label"
            aria-describedby={message ? 'customerId-error' : undefined}
            placeholder={t('customerSearchPlaceholder')}
            value={query.value}
            ref={searchRef}
            onInput={(event) => {
              query.value = event.currentTarget.value;
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                event.currentTarget.parentElement
                  ?.querySelector<HTMLButtonElement>('.customer-results button')
                  ?.focus();
              }
            }}
          />
          {query.value.trim() !== '' && (
            <ul class="customer-results" aria-label={t('customerResults')}>
              {results.value.map((customer) => (
                <li key={customer.id}>
                  <button type="button" onClick={() => pick(customer.id)}>
                    <span>{customer.name}</span>
                    <span class="hint">
                      {[...customer.phones, ...customer.emails].slice(0, 2).join(' · ')}
                    </span>
                  </button>
                </li>
              ))}
              {results.value.length === 0 && <li class="empty">{t('noCustomersMatch')}</li>}
            </ul>
          )}
          {state.can('create') && (
            <button
              type="button"
              class="link-button"
              onClick={() => {
                creating.value = true;
              }}
            >
              {t('newCustomer')}
            </button>
          )}
        </>
      )}
      <FieldError path="customerId" message={message} />
    </div>
  );
}
