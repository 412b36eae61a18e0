import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Settings } from '../../lib/domain/settings';
import type { TransactionCode } from '../../lib/domain/transaction-code';
import { t } from '../../lib/i18n/translate';
import { errorsByField } from '../../lib/state/field-definition-form';
import { FieldError, invalidProps } from '../task-form/field-error';
import type { AdminScreensApi } from './admin-api';

const byCode = (a: TransactionCode, b: TransactionCode) => a.code.localeCompare(b.code);

/** One code's row: its label edited in place, retired or brought back; system codes read-only. */
function CodeRow({
  code,
  onSave,
}: {
  code: TransactionCode;
  onSave: (changes: { label?: string; active?: boolean }) => Promise<string | null>;
}) {
  const label = useSignal(code.label);
  const error = useSignal('');
  const path = `code-${code.code}-label`;
  const save = async (changes: { label?: string; active?: boolean }) => {
    error.value = (await onSave(changes)) ?? '';
  };
  return (
    <tr data-code={code.code}>
      <th scope="row" class="mono">
        {code.code}
      </th>
      <td>
        {code.system ? (
          code.label
        ) : (
          <form
            class="inline-form"
            aria-label={t('codeEditNamed', { code: code.code })}
            onSubmit={(event) => {
              event.preventDefault();
              void save({ label: label.value });
            }}
          >
            <label class="visually-hidden" for={path}>
              {t('codeLabelOf', { code: code.code })}
            </label>
            <input
              id={path}
              value={label.value}
              onInput={(event) => {
                label.value = event.currentTarget.value;
              }}
              {...invalidProps(path, error.value || undefined)}
            />
            <button type="submit" disabled={label.value === code.label}>
              {t('codeSaveLabel')}
            </button>
            <FieldError path={path} message={error.value || undefined} />
          </form>
        )}
      </td>
      <td>
        {code.system ? (
          <span class="tag">{t('codeSystemTag', { source: code.system })}</span>
        ) : code.active ? (
          t('codeActive')
        ) : (
          t('codeInactive')
        )}
      </td>
      <td>
        {!code.system && (
          <button
            type="button"
            aria-label={t(code.active ? 'codeDeactivateNamed' : 'codeReactivateNamed', {
              code: code.code,
            })}
            onClick={() => void save({ active: !code.active })}
          >
            {code.active ? t('codeDeactivate') : t('codeReactivate')}
          </button>
        )}
      </td>
    </tr>
  );
}

/**
 * Transaction codes (R5, R6): the list, a label edited in place, retiring and bringing back a
 * code, adding one; the system codes of AMD, CCB and Auto-TCL shown read-only; and the contact
 * center's "codes are mandatory on call logs" switch.
 */
export function TransactionCodes({
  api,
  settingsApi,
}: {
  api: AdminScreensApi['codes'];
  settingsApi: AdminScreensApi['settings'];
}) {
  const list = useSignal<TransactionCode[] | null>(null);
  const settings = useSignal<Settings | null>(null);
  const draft = useSignal({ code: '', label: '' });
  const errors = useSignal<Record<string, string>>({});
  const problem = useSignal('');
  const status = useSignal('');

  useEffect(() => {
    void api.list().then((result) => {
      if (result.ok) list.value = result.value.sort(byCode);
      else problem.value = result.message;
    });
    void settingsApi.load().then((result) => {
      if (result.ok) settings.value = result.value;
      else problem.value = result.message;
    });
  }, [api, settingsApi, list, settings, problem]);

  const replace = (code: TransactionCode) => {
    list.value = [...(list.value ?? []).filter((other) => other.code !== code.code), code].sort(
      byCode,
    );
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const result = await api.add({ code: draft.value.code.trim(), label: draft.value.label });
    if (!result.ok) {
      errors.value = errorsByField(result.fields);
      problem.value = result.message;
      return;
    }
    replace(result.value);
    draft.value = { code: '', label: '' };
    errors.value = {};
    problem.value = '';
    status.value = t('codeAdded', { code: result.value.code });
  };

  const edit = async (code: TransactionCode, changes: { label?: string; active?: boolean }) => {
    const result = await api.edit(code.code, changes);
    if (!result.ok) return result.fields.label ?? result.message;
    replace(result.value);
    status.value = t('codeSaved', { code: code.code });
    return null;
  };

  const setMandatory = async (required: boolean) => {
    const result = await settingsApi.change({ codesRequiredOnCallLogs: required });
    if (!result.ok) {
      problem.value = result.message;
      return;
    }
    settings.value = result.value;
    status.value = t(required ? 'codesMandatoryOn' : 'codesMandatoryOff');
  };

  return (
    <section aria-labelledby="codes-heading" data-testid="transaction-codes">
      <h2 id="codes-heading">{t('codesHeading')}</h2>
      <output aria-live="polite">{status.value}</output>
      {problem.value && (
        <p role="alert" class="error">
          {problem.value}
        </p>
      )}
      <div class="field field-checkbox">
        <label>
          <input
            type="checkbox"
            name="codesRequiredOnCallLogs"
            checked={settings.value?.codesRequiredOnCallLogs ?? false}
            disabled={settings.value === null}
            onChange={(event) => void setMandatory(event.currentTarget.checked)}
          />{' '}
          {t('codesMandatory')}
        </label>
      </div>
      {list.value === null && !problem.value && <p>{t('loading')}</p>}
      {list.value !== null && (
        <div class="table-scroll">
          <table class="data-table" data-testid="code-list">
            <caption>{t('codesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('codeCode')}</th>
                <th scope="col">{t('codeLabel')}</th>
                <th scope="col">{t('codeState')}</th>
                <th scope="col">{t('codeActions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.value.map((code) => (
                <CodeRow
                  key={`${code.code}:${code.label}:${code.active}`}
                  code={code}
                  onSave={(changes) => edit(code, changes)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        class="panel"
        aria-label={t('codeAdd')}
        noValidate
        onSubmit={(event) => void add(event)}
      >
        <div class="field">
          <label for="code-new-code">{t('codeCode')}</label>
          <input
            id="code-new-code"
            class="mono"
            value={draft.value.code}
            onInput={(event) => {
              draft.value = { ...draft.value, code: event.currentTarget.value };
            }}
            {...invalidProps('code-new.code', errors.value.code)}
          />
          <FieldError path="code-new.code" message={errors.value.code} />
        </div>
        <div class="field">
          <label for="code-new-label">{t('codeLabel')}</label>
          <input
            id="code-new-label"
            value={draft.value.label}
            onInput={(event) => {
              draft.value = { ...draft.value, label: event.currentTarget.value };
            }}
            {...invalidProps('code-new.label', errors.value.label)}
          />
          <FieldError path="code-new.label" message={errors.value.label} />
        </div>
        <button type="submit">{t('codeAdd')}</button>
      </form>
    </section>
  );
}
