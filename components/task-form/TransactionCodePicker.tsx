import { useSignal } from '@preact/signals';
import { describeCodes, formatCodes } from '../../lib/domain/format-codes';
import { SYSTEM_TRANSACTION_CODES, type TransactionCode } from '../../lib/domain/transaction-code';
import { t } from '../../lib/i18n/translate';
import { FieldError, invalidProps } from './field-error';

/**
 * Picks any number of transaction codes (R5), searchable by code or label. System codes (R6)
 * arrive with the interaction: they are marked and cannot be picked or removed by hand.
 */
export function TransactionCodePicker({
  selected,
  catalogue,
  message,
  onToggle,
}: {
  selected: readonly string[];
  catalogue: readonly TransactionCode[];
  message: string | undefined;
  onToggle: (code: string) => void;
}) {
  const filter = useSignal('');
  const known = new Map<string, TransactionCode>();
  for (const code of [...SYSTEM_TRANSACTION_CODES, ...catalogue]) known.set(code.code, code);
  const offered = [...known.values()].filter(
    (code) => (code.active && code.system === null) || selected.includes(code.code),
  );
  for (const extra of describeCodes(selected, catalogue)) {
    if (!known.has(extra.code)) offered.push({ ...extra, active: false });
  }
  const needle = filter.value.trim().toLowerCase();
  const shown = needle
    ? offered.filter(
        (code) =>
          code.code.toLowerCase().includes(needle) || code.label.toLowerCase().includes(needle),
      )
    : offered;
  const summary = formatCodes(selected, catalogue);
  return (
    <fieldset
      class="field code-picker"
      data-testid="code-picker"
      {...invalidProps('transactionCodes', message)}
    >
      <legend>{t('fieldCodes')}</legend>
      <output class="code-summary" data-testid="codes-summary">
        {summary || t('none')}
      </output>
      <input
        type="search"
        name="code-filter"
        aria-label={t('codeFilterLabel')}
        placeholder={t('codeFilterPlaceholder')}
        value={filter.value}
        onInput={(event) => {
          filter.value = event.currentTarget.value;
        }}
      />
      <ul class="code-options">
        {shown.map((code) => (
          <li key={code.code}>
            <label>
              <input
                type="checkbox"
                name="transactionCodes"
                value={code.code}
                checked={selected.includes(code.code)}
                disabled={code.system !== null}
                onChange={() => onToggle(code.code)}
              />{' '}
              {code.label} <span class="code-id">{code.code}</span>
              {code.system !== null && (
                <span class="badge" data-testid="system-code">
                  {t('systemCode', { source: code.system })}
                </span>
              )}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li class="empty">{t('noCodesMatch')}</li>}
      </ul>
      <FieldError path="transactionCodes" message={message} />
    </fieldset>
  );
}
