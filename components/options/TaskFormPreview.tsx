import { useSignal } from '@preact/signals';
import type { FieldDefinition } from '../../lib/domain/field-definition';
import { activeFieldsFor, validateFieldValues } from '../../lib/domain/field-values';
import type { FieldValue } from '../../lib/domain/task';
import { TASK_KINDS, type TaskKind } from '../../lib/domain/task-kind';
import { t } from '../../lib/i18n/translate';
import { CustomFieldInput } from '../task-form/CustomFieldInput';

/**
 * The custom-field part of the task form as agents will see it for a kind of task, drawn by the
 * form's own field inputs. "Check" runs the agents' save validation; nothing is stored.
 */
export function TaskFormPreview({ definitions }: { definitions: readonly FieldDefinition[] }) {
  const kind = useSignal<TaskKind>('call');
  const values = useSignal<Record<string, FieldValue>>({});
  const errors = useSignal<Record<string, string> | null>(null);
  const shown = activeFieldsFor(definitions, kind.value);
  const shownValue = (definition: FieldDefinition) =>
    (definition.key in values.value ? values.value[definition.key] : definition.defaultValue) ??
    null;
  const check = (event: Event) => {
    event.preventDefault();
    const filled = Object.fromEntries(
      shown.map((definition) => [definition.key, shownValue(definition)]),
    );
    const issues = validateFieldValues(filled, definitions, kind.value);
    errors.value = Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
  };
  return (
    <form
      class="panel preview"
      aria-labelledby="field-preview-heading"
      data-testid="field-preview"
      noValidate
      onSubmit={check}
    >
      <h3 id="field-preview-heading">{t('fieldPreviewHeading')}</h3>
      <div class="field">
        <label for="field-preview-kind">{t('fieldPreviewKind')}</label>
        <select
          id="field-preview-kind"
          value={kind.value}
          onChange={(event) => {
            kind.value = event.currentTarget.value as TaskKind;
            errors.value = null;
          }}
        >
          {TASK_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`kind_${option}`)}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 && <p>{t('fieldPreviewEmpty')}</p>}
      {shown.map((definition) => (
        <CustomFieldInput
          key={definition.id}
          definition={definition}
          value={shownValue(definition)}
          message={errors.value?.[`fields.${definition.key}`]}
          onChange={(value) => {
            values.value = { ...values.value, [definition.key]: value };
          }}
        />
      ))}
      <button type="submit">{t('fieldPreviewCheck')}</button>
      <output>
        {errors.value !== null && Object.keys(errors.value).length === 0
          ? t('fieldPreviewValid')
          : ''}
      </output>
    </form>
  );
}
