import type { z } from 'zod';
import { type FieldDefinition, FieldDefinitionSchema } from './field-definition';
import { validateFieldValues } from './field-values';
import type { OperationContext } from './operation';
import { parseInput } from './parse-input';
import { type FieldIssue, ValidationError } from './validation-error';

/** A new custom field as the administrator submits it: key, label and type are required. */
export const FieldDefinitionDraftSchema = FieldDefinitionSchema.omit({ id: true, archived: true })
  .partial()
  .required({ key: true, label: true, type: true });
export type FieldDefinitionDraft = z.input<typeof FieldDefinitionDraftSchema>;

const SELECT_TYPES = new Set(['select', 'multi_select']);

/**
 * What is wrong with a definition among the others (R20): keys are unique for ever (archived
 * fields keep theirs, old tasks hold values under them); select fields list their options, other
 * types have none; the default must be a valid value of the field.
 */
export function definitionIssues(
  definition: FieldDefinition,
  others: readonly FieldDefinition[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (others.some((other) => other.id !== definition.id && other.key === definition.key)) {
    issues.push({ path: 'key', message: 'Another field already uses this key.' });
  }
  if (SELECT_TYPES.has(definition.type)) {
    if (definition.options.length === 0) {
      issues.push({ path: 'options', message: 'Add at least one option.' });
    } else if (new Set(definition.options).size !== definition.options.length) {
      issues.push({ path: 'options', message: 'Each option must appear once.' });
    }
  } else if (definition.options.length > 0) {
    issues.push({ path: 'options', message: 'Only select fields have options.' });
  }
  if (definition.defaultValue !== null && issues.length === 0) {
    const asOptional = { ...definition, required: false, archived: false, appliesTo: [] };
    const [problem] = validateFieldValues(
      { [definition.key]: definition.defaultValue },
      [asOptional],
      'other',
    );
    if (problem) issues.push({ path: 'defaultValue', message: problem.message });
  }
  return issues;
}

/** Adds a custom field (R20); `existing` are all definitions, archived ones included. */
export function defineField(
  input: FieldDefinitionDraft,
  existing: readonly FieldDefinition[],
  ctx: Pick<OperationContext, 'newId'>,
): FieldDefinition {
  const draft = parseInput(FieldDefinitionDraftSchema, input);
  const definition: FieldDefinition = {
    id: ctx.newId(),
    key: draft.key,
    label: draft.label,
    type: draft.type,
    required: draft.required ?? false,
    options: draft.options ?? [],
    defaultValue: draft.defaultValue ?? null,
    order: draft.order ?? Math.max(-1, ...existing.map((other) => other.order)) + 1,
    archived: false,
    appliesTo: draft.appliesTo ?? [],
  };
  const issues = definitionIssues(definition, existing);
  if (issues.length > 0) throw new ValidationError(issues);
  return definition;
}
