import type { Kysely } from 'kysely';
import type { FieldDefinition } from '../../lib/domain/field-definition';
import type { Database } from '../db/schema';
import type { Writer } from './write-transaction';

/** Every custom field of the contact center, archived ones included, in form order. */
export async function loadFieldDefinitions(
  db: Kysely<Database>,
  tenantId: string,
): Promise<FieldDefinition[]> {
  const rows = await db
    .selectFrom('field_definitions')
    .select('data')
    .where('tenant_id', '=', tenantId)
    .execute();
  return rows.map((row) => row.data).sort((a, b) => a.order - b.order);
}

export async function saveFieldDefinition(
  writer: Writer,
  definition: FieldDefinition,
): Promise<void> {
  const data = JSON.stringify(definition);
  await writer.trx
    .insertInto('field_definitions')
    .values({ tenant_id: writer.tenantId, id: definition.id, data })
    .onConflict((conflict) => conflict.columns(['tenant_id', 'id']).doUpdateSet({ data }))
    .execute();
  await writer.record('fieldDefinition', definition.id, definition);
}
