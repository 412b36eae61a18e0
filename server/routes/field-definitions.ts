import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { defineField, FieldDefinitionDraftSchema } from '../../lib/domain/define-field';
import { newId } from '../../lib/domain/ids';
import { FieldOrderSchema, reorderFields } from '../../lib/domain/reorder-fields';
import {
  FieldDefinitionChangesSchema,
  updateFieldDefinition,
} from '../../lib/domain/update-field-definition';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { notFound } from '../http/problem-error';
import { readJson } from '../http/read-json';
import { idParam, requireAdministrator, writeAs } from '../http/route-helpers';
import { loadFieldDefinitions, saveFieldDefinition } from '../store/field-definitions';

/**
 * /v1/field-definitions (R20): everyone reads them; administrators add and edit them. There is
 * no delete: archiving hides a field while old tasks keep their values.
 */
export function fieldDefinitionsRoute(db: Kysely<Database>): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  route.get('/', async (c) => {
    return c.json({ items: await loadFieldDefinitions(db, c.get('actor').tenantId) });
  });

  route.post('/', async (c) => {
    requireAdministrator(c, 'add custom fields');
    const draft = await readJson(c, FieldDefinitionDraftSchema.strict());
    const created = await writeAs(db, c, async (writer) => {
      const existing = await loadFieldDefinitions(writer.trx, writer.tenantId);
      const definition = defineField(draft, existing, { newId });
      await saveFieldDefinition(writer, definition);
      return definition;
    });
    return c.json(created, 201);
  });

  // All moves in one transaction: a failure leaves the old order whole, never half of the new one.
  route.put('/order', async (c) => {
    requireAdministrator(c, 'reorder custom fields');
    const { orderedIds } = await readJson(c, FieldOrderSchema.strict());
    const ordered = await writeAs(db, c, async (writer) => {
      const existing = await loadFieldDefinitions(writer.trx, writer.tenantId);
      const moved = reorderFields(existing, orderedIds);
      for (const definition of moved) await saveFieldDefinition(writer, definition);
      const byId = new Map(
        [...existing, ...moved].map((definition) => [definition.id, definition]),
      );
      return [...byId.values()].sort((a, b) => a.order - b.order);
    });
    return c.json({ items: ordered });
  });

  route.patch('/:id', async (c) => {
    requireAdministrator(c, 'change custom fields');
    const id = idParam(c, 'The field');
    const changes = await readJson(c, FieldDefinitionChangesSchema.strict());
    const updated = await writeAs(db, c, async (writer) => {
      const existing = await loadFieldDefinitions(writer.trx, writer.tenantId);
      const definition = existing.find((candidate) => candidate.id === id);
      if (!definition) throw notFound('The field');
      const next = updateFieldDefinition(definition, changes, existing);
      await saveFieldDefinition(writer, next);
      return next;
    });
    return c.json(updated);
  });

  return route;
}
