import type { FieldDefinition } from '../../lib/domain/field-definition';
import type { FieldValue } from '../../lib/domain/task';
import { localDateTimeToIso } from '../../lib/state/local-date-time';
import { isoToLocalDateTime } from '../../lib/state/task-form-values';
import { FieldError, invalidProps } from './field-error';

function text(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A number as typed: kept as text when it is none, so validation can say so. */
function numberValue(typed: string): FieldValue {
  if (typed.trim() === '') return null;
  const parsed = Number(typed);
  return Number.isFinite(parsed) ? parsed : typed;
}

const INPUT_TYPES: Partial<Record<FieldDefinition['type'], string>> = {
  text: 'text',
  phone: 'tel',
  email: 'email',
  url: 'url',
  date: 'date',
};

/** One administrator-defined field (R20), as its type asks, with its validation message. */
export function CustomFieldInput({
  definition,
  value,
  message,
  onChange,
}: {
  definition: FieldDefinition;
  value: FieldValue | undefined;
  message: string | undefined;
  onChange: (value: FieldValue) => void;
}) {
  const path = `fields.${definition.key}`;
  const id = `field-${definition.key}`;
  const aria = { ...invalidProps(path, message), 'aria-required': definition.required };
  const label = (
    <span>
      {definition.label}
      {definition.required && <span aria-hidden="true"> *</span>}
    </span>
  );

  if (definition.type === 'checkbox') {
    return (
      <div class="field field-checkbox">
        <label>
          <input
            type="checkbox"
            id={id}
            name={path}
            checked={value === true}
            onChange={(event) => onChange(event.currentTarget.checked)}
            {...aria}
          />{' '}
          {label}
        </label>
        <FieldError path={path} message={message} />
      </div>
    );
  }

  if (definition.type === 'multi_select') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset class="field field-options" {...invalidProps(path, message)}>
        <legend>{label}</legend>
        {definition.options.map((option) => (
          <label key={option}>
            <input
              type="checkbox"
              name={path}
              value={option}
              checked={chosen.includes(option)}
              onChange={() =>
                onChange(
                  chosen.includes(option)
                    ? chosen.filter((entry) => entry !== option)
                    : [...chosen, option],
                )
              }
            />{' '}
            {option}
          </label>
        ))}
        <FieldError path={path} message={message} />
      </fieldset>
    );
  }

  let control: preact.JSX.Element;
  if (definition.type === 'select') {
    control = (
      <select
        id={id}
        name={path}
        value={text(value)}
        onChange={(event) => onChange(event.currentTarget.value || null)}
        {...aria}
      >
        <option value="">—</option>
        {definition.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else if (definition.type === 'long_text') {
    control = (
      <textarea
        id={id}
        name={path}
        rows={3}
        value={text(value)}
        onInput={(event) => onChange(event.currentTarget.value)}
        {...aria}
      />
    );
  } else if (definition.type === 'number') {
    control = (
      <input
        id={id}
        name={path}
        inputMode="decimal"
        value={text(value)}
        onInput={(event) => onChange(numberValue(event.currentTarget.value))}
        {...aria}
      />
    );
  } else if (definition.type === 'date_time') {
    control = (
      <input
        id={id}
        type="datetime-local"
        name={path}
        value={isoToLocalDateTime(typeof value === 'string' ? value : null)}
        onInput={(event) => {
          const typed = event.currentTarget.value;
          onChange(typed === '' ? null : (localDateTimeToIso(typed) ?? typed));
        }}
        {...aria}
      />
    );
  } else {
    control = (
      <input
        id={id}
        type={INPUT_TYPES[definition.type] ?? 'text'}
        name={path}
        value={text(value)}
        onInput={(event) => onChange(event.currentTarget.value)}
        {...aria}
      />
    );
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {control}
      <FieldError path={path} message={message} />
    </div>
  );
}
