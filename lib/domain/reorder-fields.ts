import type { FieldDefinition } from './field-definition';
import type { Id } from './ids';
import { ValidationError } from './validation-error';

/**
 * The administrator's new order of the custom fields (R20): `orderedIds` lists the fields in the
 * order the form shows them; fields left out (archived ones, say) keep their place after those.
 * Returns only the definitions whose order changed.
 */
export function reorderFields(
  definitions: readonly FieldDefinition[],
  orderedIds: readonly Id[],
): FieldDefinition[] {
  const known = new Set(definitions.map((definition) => definition.id));
  const unknown = orderedIds.filter((id) => !known.has(id));
  if (unknown.length > 0 || new Set(orderedIds).size !== orderedIds.length) {
    throw new ValidationError([
      { path: 'order', message: 'List each existing field at most once.' },
    ]);
  }
  const listed = new Set(orderedIds);
  const rest = definitions
    .filter((definition) => !listed.has(definition.id))
    .sort((a, b) => a.order - b.order)
    .map((definition) => definition.id);
  const position = new Map([...orderedIds, ...rest].map((id, index) => [id, index]));
  return definitions.flatMap((definition) => {
    const order = position.get(definition.id) ?? definition.order;
    return order === definition.order ? [] : [{ ...definition, order }];
  });
}
