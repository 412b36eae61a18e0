import { Hono } from 'hono';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { CustomerChangesSchema, CustomerDraftSchema } from '../../lib/domain/customer-changes';
import { assertCan } from '../../lib/domain/permissions';
import { normalizePhone } from '../../lib/domain/phone';
import {
  createCustomerAs,
  deleteCustomerAs,
  editCustomerAs,
} from '../customers/customer-operations';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { notFound } from '../http/problem-error';
import { readJson, readQuery } from '../http/read-json';
import { idParam, writeAs } from '../http/route-helpers';
import { loadCustomer } from '../store/customers';

const CustomerSearchSchema = z.strictObject({
  /** Part of the name, a phone number in any format, or an email address. */
  q: z.string().max(200).optional(),
  phone: z.string().max(40).optional(),
  email: z.string().max(254).optional(),
  externalId: z.string().max(500).optional(),
  includeDeleted: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.uuid('Must be a cursor from a previous page.').optional(),
});

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** /v1/customers: search (name, phone, email, external id), get, create, edit, delete. */
export function customersRoute(db: Kysely<Database>): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  route.get('/', async (c) => {
    const { tenantId, user } = c.get('actor');
    assertCan(user, 'view');
    const query = readQuery(c, CustomerSearchSchema);
    const limit = query.limit ?? 50;
    let select = db
      .selectFrom('customers')
      .select(['id', 'data'])
      .where('tenant_id', '=', tenantId)
      .orderBy('id')
      .limit(limit + 1);
    if (query.includeDeleted !== 'true') select = select.where('deleted_at', 'is', null);
    if (query.phone !== undefined) {
      const phone = normalizePhone(query.phone) ?? query.phone;
      select = select.where(sql<boolean>`phones @> array[${phone}]::text[]`);
    }
    if (query.email !== undefined) {
      select = select.where(sql<boolean>`emails @> array[${query.email.toLowerCase()}]::text[]`);
    }
    if (query.externalId !== undefined) {
      select = select.where(sql<boolean>`external_ids @> array[${query.externalId}]::text[]`);
    }
    const q = query.q?.trim();
    if (q) {
      const phone = normalizePhone(q);
      select = select.where((eb) =>
        eb.or([
          eb('name', 'ilike', likePattern(q)),
          sql<boolean>`emails @> array[${q.toLowerCase()}]::text[]`,
          sql<boolean>`phones @> array[${phone ?? q}]::text[]`,
          sql<boolean>`external_ids @> array[${q}]::text[]`,
        ]),
      );
    }
    if (query.cursor) select = select.where('id', '>', query.cursor);
    const rows = await select.execute();
    const page = rows.slice(0, limit);
    return c.json({
      items: page.map((row) => row.data),
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    });
  });

  route.get('/:id', async (c) => {
    const { tenantId, user } = c.get('actor');
    assertCan(user, 'view');
    const customer = await loadCustomer(db, tenantId, idParam(c, 'The customer'));
    if (!customer) throw notFound('The customer');
    return c.json(customer);
  });

  route.post('/', async (c) => {
    const draft = await readJson(c, CustomerDraftSchema);
    return c.json(
      await writeAs(db, c, (writer, user) => createCustomerAs(writer, user, draft)),
      201,
    );
  });

  route.patch('/:id', async (c) => {
    const id = idParam(c, 'The customer');
    const changes = await readJson(c, CustomerChangesSchema);
    return c.json(
      await writeAs(db, c, (writer, user) => editCustomerAs(writer, user, id, changes)),
    );
  });

  route.delete('/:id', async (c) => {
    const id = idParam(c, 'The customer');
    return c.json(await writeAs(db, c, (writer, user) => deleteCustomerAs(writer, user, id)));
  });

  return route;
}
