import { defineField, type FieldDefinitionDraft } from '../domain/define-field';
import type { FieldDefinition, FieldType } from '../domain/field-definition';
import type { FieldValue } from '../domain/task';
import type { TaskKind } from '../domain/task-kind';
import { updateFieldDefinition } from '../domain/update-field-definition';
import { ValidationError } from '../domain/validation-error';
import { localDateTimeToIso } from './local-date-time';
import { isoToLocalDateTime } from './task-form-values';

/** The custom-field form as typed: text stays text until it is sent, so nothing typed is lost. */
export interface FieldDefinitionForm {
  key: string;
  label: string;
  type: FieldType;
  /** One option per line. */
  options: string;
  required: boolean;
  /** The default as typed; for a checkbox, 'true' when ticked. */
  defaultValue: string;
  appliesTo: TaskKind[];
}

export const EMPTY_FIELD_FORM: FieldDefinitionForm = {
  key: '',
  label: '',
  type: 'text',
  options: '',
  required: false,
  defaultValue: '',
  appliesTo: [],
};

export const CHOICE_TYPES: ReadonlySet<FieldType> = new Set(['select', 'multi_select']);

/** The typed default as the field's value; what cannot be read is sent as typed, to be refused. */
function defaultValueOf(form: FieldDefinitionForm): FieldValue {
  const text = form.defaultValue.trim();
  if (form.type === 'checkbox') return text === 'true' ? true : null;
  if (text === '') return null;
  switch (form.type) {
    case 'number': {
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    case 'multi_select':
      return text
        .split(',')
        .map((option) => option.trim())
        .filter(Boolean);
    case 'date_time':
      return localDateTimeToIso(text) ?? text;
    default:
      return text;
  }
}

export function formToDraft(form: FieldDefinitionForm): FieldDefinitionDraft {
  return {
    key: form.key.trim(),
    label: form.label,
    type: form.type,
    required: form.required,
    options: CHOICE_TYPES.has(form.type)
      ? form.options
          .split('\n')
          .map((option) => option.trim())
          .filter(Boolean)
      : [],
    defaultValue: defaultValueOf(form),
    appliesTo: form.appliesTo,
  };
}

export function definitionToForm(definition: FieldDefinition): FieldDefinitionForm {
  const value = definition.defaultValue;
  let defaultValue = '';
  if (Array.isArray(value)) defaultValue = value.join(', ');
  else if (definition.type === 'date_time' && typeof value === 'string') {
    defaultValue = isoToLocalDateTime(value);
  } else if (value !== null) defaultValue = String(value);
  return {
    key: definition.key,
    label: definition.label,
    type: definition.type,
    options: definition.options.join('\n'),
    required: definition.required,
    defaultValue,
    appliesTo: [...definition.appliesTo],
  };
}

/** What an edit may change: never the key or the type (R20). */
export function formToChanges(form: FieldDefinitionForm) {
  const { label, options, required, defaultValue, appliesTo } = formToDraft(form);
  return { label, options, required, defaultValue, appliesTo };
}

export type FormCheck =
  | { ok: true; definition: FieldDefinition }
  | { ok: false; errors: Record<string, string> };

/**
 * The same rules the server applies (lib/domain), checked before sending so the administrator
 * sees every problem at once; `editing` is the stored field being changed, if any.
 */
export function checkFieldForm(
  form: FieldDefinitionForm,
  existing: readonly FieldDefinition[],
  editing: FieldDefinition | null,
): FormCheck {
  try {
    const definition = editing
      ? updateFieldDefinition(editing, formToChanges(form), existing)
      : defineField(formToDraft(form), existing, { newId: () => 'draft' });
    return { ok: true, definition };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return {
      ok: false,
      errors: errorsByField(
        Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])),
      ),
    };
  }
}

/** Messages by the form's field: "options.2" is the options box's; the first message wins. */
export function errorsByField(byPath: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(byPath)) {
    errors[path.split('.')[0] ?? path] ??= message;
  }
  return errors;
}
