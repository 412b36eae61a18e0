import { FIELD_TYPES, type FieldDefinition } from '../../lib/domain/field-definition';
import { TASK_KINDS } from '../../lib/domain/task-kind';
import { t } from '../../lib/i18n/translate';
import { CHOICE_TYPES, type FieldDefinitionForm } from '../../lib/state/field-definition-form';
import { FieldError, invalidProps } from '../task-form/field-error';

const DEFAULT_INPUT: Partial<Record<FieldDefinition['type'], string>> = {
  number: 'number',
  date: 'date',
  date_time: 'datetime-local',
  email: 'email',
  url: 'url',
  phone: 'tel',
};

/**
 * The add/edit form of one custom field (R20). Editing shows the key and type but does not let
 * them change: tasks hold values of that type under that key.
 */
export function FieldDefinitionEditor({
  form,
  editing,
  errors,
  busy,
  onChange,
  onSubmit,
  onCancel,
}: {
  form: FieldDefinitionForm;
  editing: FieldDefinition | null;
  errors: Record<string, string>;
  busy: boolean;
  /** Changes to merge into the current form (not a whole form: events may outrun renders). */
  onChange: (changes: Partial<FieldDefinitionForm>) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const set = onChange;
  const prefix = 'field-def';
  const heading = editing ? t('fieldDefEditHeading', { label: editing.label }) : t('fieldDefAdd');
  return (
    <form
      class="panel"
      aria-label={heading}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3>{heading}</h3>
      <div class="field">
        <label for={`${prefix}-key`}>{t('fieldDefKey')}</label>
        <input
          id={`${prefix}-key`}
          name="key"
          class="mono"
          value={form.key}
          readOnly={editing !== null}
          aria-readonly={editing !== null}
          onInput={(event) => set({ key: event.currentTarget.value })}
          {...invalidProps(`${prefix}.key`, errors.key)}
        />
        <FieldError path={`${prefix}.key`} message={errors.key} />
        {editing === null && <small>{t('fieldDefKeyHint')}</small>}
      </div>
      <div class="field">
        <label for={`${prefix}-label`}>{t('fieldDefLabel')}</label>
        <input
          id={`${prefix}-label`}
          name="label"
          value={form.label}
          onInput={(event) => set({ label: event.currentTarget.value })}
          {...invalidProps(`${prefix}.label`, errors.label)}
        />
        <FieldError path={`${prefix}.label`} message={errors.label} />
      </div>
      <div class="field">
        <label for={`${prefix}-type`}>{t('fieldDefType')}</label>
        <select
          id={`${prefix}-type`}
          name="type"
          value={form.type}
          disabled={editing !== null}
          onChange={(event) =>
            set({ type: event.currentTarget.value as FieldDefinitionForm['type'] })
          }
          {...invalidProps(`${prefix}.type`, errors.type)}
        >
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`fieldType_${type}`)}
            </option>
          ))}
        </select>
        {editing !== null && <small>{t('fieldDefTypeFixed')}</small>}
        <FieldError path={`${prefix}.type`} message={errors.type} />
      </div>
      {CHOICE_TYPES.has(form.type) && (
        <div class="field">
          <label for={`${prefix}-options`}>{t('fieldDefOptions')}</label>
          <textarea
            id={`${prefix}-options`}
            name="options"
            rows={4}
            value={form.options}
            onInput={(event) => set({ options: event.currentTarget.value })}
            {...invalidProps(`${prefix}.options`, errors.options)}
          />
          <FieldError path={`${prefix}.options`} message={errors.options} />
        </div>
      )}
      <div class="field field-checkbox">
        <label>
          <input
            type="checkbox"
            name="required"
            checked={form.required}
            onChange={(event) => set({ required: event.currentTarget.checked })}
          />{' '}
          {t('fieldDefRequired')}
        </label>
      </div>
      {form.type === 'checkbox' ? (
        <div class="field field-checkbox">
          <label>
            <input
              type="checkbox"
              name="defaultValue"
              checked={form.defaultValue === 'true'}
              onChange={(event) => set({ defaultValue: event.currentTarget.checked ? 'true' : '' })}
            />{' '}
            {t('fieldDefDefaultTicked')}
          </label>
        </div>
      ) : (
        <div class="field">
          <label for={`${prefix}-default`}>
            {form.type === 'multi_select' ? t('fieldDefDefaultList') : t('fieldDefDefault')}
          </label>
          {form.type === 'long_text' ? (
            <textarea
              id={`${prefix}-default`}
              name="defaultValue"
              rows={2}
              value={form.defaultValue}
              onInput={(event) => set({ defaultValue: event.currentTarget.value })}
              {...invalidProps(`${prefix}.defaultValue`, errors.defaultValue)}
            />
          ) : (
            <input
              id={`${prefix}-default`}
              name="defaultValue"
              type={DEFAULT_INPUT[form.type] ?? 'text'}
              value={form.defaultValue}
              onInput={(event) => set({ defaultValue: event.currentTarget.value })}
              {...invalidProps(`${prefix}.defaultValue`, errors.defaultValue)}
            />
          )}
          <FieldError path={`${prefix}.defaultValue`} message={errors.defaultValue} />
        </div>
      )}
      <fieldset
        class="field field-options"
        {...invalidProps(`${prefix}.appliesTo`, errors.appliesTo)}
      >
        <legend>{t('fieldDefAppliesTo')}</legend>
        {TASK_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              name="appliesTo"
              value={kind}
              checked={form.appliesTo.includes(kind)}
              onChange={(event) =>
                set({
                  appliesTo: event.currentTarget.checked
                    ? [...form.appliesTo, kind]
                    : form.appliesTo.filter((other) => other !== kind),
                })
              }
            />{' '}
            {t(`kind_${kind}`)}
          </label>
        ))}
        <small>{t('fieldDefAppliesToHint')}</small>
        <FieldError path={`${prefix}.appliesTo`} message={errors.appliesTo} />
      </fieldset>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {editing ? t('fieldDefSave') : t('fieldDefAdd')}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            {t('adminCancel')}
          </button>
        )}
      </div>
    </form>
  );
}
