import type { z } from 'zod';
import { definitionIssues } from './define-field';
import { type FieldDefinition, FieldDefinitionSchema } from './field-definition';
import { parseInput } from './parse-input';
import { type FieldIssue, ValidationError } from './validation-error';

/** An administrator's edit of a field; key and type may be sent but not changed. */
export const FieldDefinitionChangesSchema = FieldDefinitionSchema.omit({ id: true }).partial();
export type FieldDefinitionChanges = z.input<typeof FieldDefinitionChangesSchema>;

/**
 * Edits a custom field (R20). Its type cannot change after it is created, nor its key, because
 * tasks hold values of that type under that key; archiving hides a field from new edits while
 * old tasks keep their values. `existing` are all definitions, for the uniqueness checks.
 */
export function updateFieldDefinition(
  definition: FieldDefinition,
  input: FieldDefinitionChanges,
  existing: readonly FieldDefinition[],
): FieldDefinition {
  const changes = parseInput(FieldDefinitionChangesSchema, input);
  const fixed: FieldIssue[] = [];
  if (changes.type !== undefined && changes.type !== definition.type) {
    fixed.push({ path: 'type', message: "A field's type cannot change after it is created." });
  }
  if (changes.key !== undefined && changes.key !== definition.key) {
    fixed.push({ path: 'key', message: "A field's key cannot change after it is created." });
  }
  if (fixed.length > 0) throw new ValidationError(fixed);
  const updated: FieldDefinition = { ...definition, ...changes, id: definition.id };
  const issues = definitionIssues(updated, existing);
  if (issues.length > 0) throw new ValidationError(issues);
  return updated;
}
