import { z } from 'zod';
import type { FieldDefinition } from './field-definition';
import { type Id, IdSchema } from './ids';
import { ValidationError } from './validation-error';

/**
 * The body of a reorder: the fields' ids in the order the form shows them. Capped far above any
 * contact center's number of fields, so a hostile body stays small.
 */
export const FieldOrderSchema = z.object({ orderedIds: z.array(IdSchema).max(1000) });
export type FieldOrder = z.infer<typeof FieldOrderSchema>;

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
