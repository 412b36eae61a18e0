import { defineField, type FieldDefinitionDraft } from '../domain/define-field';
import type { FieldDefinition } from '../domain/field-definition';
import type { Id } from '../domain/ids';
import { assertAdministrator } from '../domain/permissions';
import { reorderFields } from '../domain/reorder-fields';
import {
  type FieldDefinitionChanges,
  updateFieldDefinition,
} from '../domain/update-field-definition';
import type { WrapupDb } from './database';
import { RecordNotFoundError } from './record-not-found-error';
import { type CommandContext, operationContext, storeCommand } from './store-command';

function definitionIn(definitions: readonly FieldDefinition[], id: Id): FieldDefinition {
  const definition = definitions.find((candidate) => candidate.id === id);
  if (!definition) throw new RecordNotFoundError('custom field', id);
  return definition;
}

/** Adds a custom task field (R20); administrators only. Returns it as stored. */
export function saveNewFieldDefinition(
  db: WrapupDb,
  draft: FieldDefinitionDraft,
  ctx: CommandContext,
): Promise<FieldDefinition> {
  return storeCommand(db, ctx, async (user) => {
    assertAdministrator(user, 'add custom fields');
    const definition = defineField(
      draft,
      await db.fieldDefinitions.toArray(),
      operationContext(ctx),
    );
    return { changes: { fieldDefinitions: [definition] }, answer: definition };
  });
}

/**
 * Edits a custom field (R20): label, required, options, default, kinds, order, archived. Its key
 * and type never change (ValidationError). Administrators only.
 */
export function saveFieldDefinitionEdit(
  db: WrapupDb,
  id: Id,
  changes: FieldDefinitionChanges,
  ctx: CommandContext,
): Promise<FieldDefinition> {
  return storeCommand(db, ctx, async (user) => {
    assertAdministrator(user, 'change custom fields');
    const definitions = await db.fieldDefinitions.toArray();
    const updated = updateFieldDefinition(definitionIn(definitions, id), changes, definitions);
    return { changes: { fieldDefinitions: [updated] }, answer: updated };
  });
}

/**
 * Archives a field (or brings it back): new edits no longer show it, old tasks keep their values
 * readable under its key. Fields are never deleted.
 */
export function saveFieldArchived(
  db: WrapupDb,
  id: Id,
  archived: boolean,
  ctx: CommandContext,
): Promise<FieldDefinition> {
  return saveFieldDefinitionEdit(db, id, { archived }, ctx);
}

/**
 * Puts the fields in the order the administrator arranged them (`orderedIds` first, the rest
 * after, as they were); returns every definition in its new order.
 */
export function saveFieldOrder(
  db: WrapupDb,
  orderedIds: readonly Id[],
  ctx: CommandContext,
): Promise<FieldDefinition[]> {
  return storeCommand(db, ctx, async (user) => {
    assertAdministrator(user, 'reorder custom fields');
    const definitions = await db.fieldDefinitions.toArray();
    const moved = reorderFields(definitions, orderedIds);
    const byId = new Map(
      [...definitions, ...moved].map((definition) => [definition.id, definition]),
    );
    const all = [...byId.values()].sort((a, b) => a.order - b.order);
    return { changes: { fieldDefinitions: moved }, answer: all };
  });
}
