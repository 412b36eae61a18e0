import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { TransactionCodeSchema } from '../../lib/domain/transaction-code';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { forbidden, notFound, ProblemError } from '../http/problem-error';
import { readJson } from '../http/read-json';
import { requireAdministrator, writeAs } from '../http/route-helpers';
import { loadTransactionCodes, saveTransactionCode } from '../store/transaction-codes';

const NewCodeSchema = TransactionCodeSchema.omit({ system: true })
  .partial({ active: true })
  .strict();
const CodeChangesSchema = TransactionCodeSchema.pick({ label: true, active: true })
  .partial()
  .strict();

/**
 * /v1/transaction-codes (R5, R6): everyone reads them; administrators add codes and change their
 * labels or retire them. System codes come from the contact center's services: read-only.
 */
export function transactionCodesRoute(db: Kysely<Database>): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  route.get('/', async (c) => {
    return c.json({ items: await loadTransactionCodes(db, c.get('actor').tenantId) });
  });

  route.post('/', async (c) => {
    requireAdministrator(c, 'add transaction codes');
    const input = await readJson(c, NewCodeSchema);
    const code = { ...input, system: null, active: input.active ?? true };
    await writeAs(db, c, async (writer) => {
      const existing = await loadTransactionCodes(writer.trx, writer.tenantId);
      if (existing.some((other) => other.code.toLowerCase() === code.code.toLowerCase())) {
        throw new ProblemError(409, `The code ${code.code} already exists.`, {
          errors: [{ path: 'code', message: 'This code already exists.' }],
        });
      }
      await saveTransactionCode(writer, code);
    });
    return c.json(code, 201);
  });

  route.patch('/:code', async (c) => {
    requireAdministrator(c, 'change transaction codes');
    const name = c.req.param('code');
    const changes = await readJson(c, CodeChangesSchema);
    const updated = await writeAs(db, c, async (writer) => {
      const existing = await loadTransactionCodes(writer.trx, writer.tenantId);
      const code = existing.find((candidate) => candidate.code === name);
      if (!code) throw notFound('The transaction code');
      if (code.system !== null) {
        throw forbidden(`${code.code} is a system code of ${code.system}; it cannot be changed.`);
      }
      const next = { ...code, ...changes };
      await saveTransactionCode(writer, next);
      return next;
    });
    return c.json(updated);
  });

  return route;
}
