import { useSignal } from '@preact/signals';
import type { Customer } from '../lib/domain/customer';
import { ValidationError } from '../lib/domain/validation-error';
import type { MessageKey } from '../lib/i18n/messages-en';
import { t } from '../lib/i18n/translate';
import { type CustomerEditInput, customerEditInput } from '../lib/state/customer-input';
import { useAppState } from './app-context';
import { FieldError, invalidProps } from './task-form/field-error';

const FIELDS: { key: keyof CustomerEditInput; label: MessageKey; multiline?: boolean }[] = [
  { key: 'name', label: 'customerName' },
  { key: 'phones', label: 'customerPhones', multiline: true },
  { key: 'emails', label: 'customerEmails', multiline: true },
  { key: 'company', label: 'customerCompany' },
  { key: 'notes', label: 'fieldNotes', multiline: true },
];

/** A customer's details, edited in place; phone numbers are stored as E.164 (R3). */
export function CustomerEditForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const state = useAppState();
  const input = useSignal(customerEditInput(customer));
  const errors = useSignal<Record<string, string>>({});
  const failure = useSignal<string | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    errors.value = {};
    failure.value = null;
    try {
      await state.saveCustomer(customer.id, input.value);
      onDone();
    } catch (error) {
      if (error instanceof ValidationError) {
        errors.value = Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
      } else {
        failure.value = t('saveFailed', {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };
  return (
    <form class="customer-edit" onSubmit={save} aria-label={t('editCustomer')} noValidate>
      {FIELDS.map(({ key, label, multiline }) => {
        const id = `customer-edit-${key}`;
        const common = {
          id,
          name: key,
          value: input.value[key],
          onInput: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
            input.value = { ...input.value, [key]: event.currentTarget.value };
          },
          ...invalidProps(`customer-edit-${key}`, errors.value[key]),
        };
        return (
          <div class="field" key={key}>
            <label for={id}>{t(label)}</label>
            {multiline ? <textarea rows={2} {...common} /> : <input {...common} />}
            <FieldError path={`customer-edit-${key}`} message={errors.value[key]} />
          </div>
        );
      })}
      {failure.value && (
        <p role="alert" class="error">
          {failure.value}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary">
          {t('save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
