import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import {
  addTransactionCode,
  editTransactionCode,
  TransactionCodeChangesSchema,
  TransactionCodeDraftSchema,
} from '../../lib/domain/transaction-code-changes';
import { ValidationError } from '../../lib/domain/validation-error';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { notFound, ProblemError } from '../http/problem-error';
import { readJson } from '../http/read-json';
import { requireAdministrator, writeAs } from '../http/route-helpers';
import { loadTransactionCodes, saveTransactionCode } from '../store/transaction-codes';

/** lib/domain refuses a code already taken as bad input; over HTTP that is a conflict. */
function addOrConflict(...args: Parameters<typeof addTransactionCode>) {
  try {
    return addTransactionCode(...args);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ProblemError(409, `The code ${args[0].code} already exists.`, {
      errors: error.issues,
    });
  }
}

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
    const input = await readJson(c, TransactionCodeDraftSchema);
    const code = await writeAs(db, c, async (writer) => {
      const added = addOrConflict(input, await loadTransactionCodes(writer.trx, writer.tenantId));
      await saveTransactionCode(writer, added);
      return added;
    });
    return c.json(code, 201);
  });

  route.patch('/:code', async (c) => {
    requireAdministrator(c, 'change transaction codes');
    const name = c.req.param('code');
    const changes = await readJson(c, TransactionCodeChangesSchema);
    const updated = await writeAs(db, c, async (writer) => {
      const existing = await loadTransactionCodes(writer.trx, writer.tenantId);
      const code = existing.find((candidate) => candidate.code === name);
      if (!code) throw notFound('The transaction code');
      const next = editTransactionCode(code, changes);
      await saveTransactionCode(writer, next);
      return next;
    });
    return c.json(updated);
  });

  return route;
}
