import { type Kysely, sql } from 'kysely';
import { ConfirmationRequiredError } from '../../lib/domain/confirmation-required-error';
import type { User } from '../../lib/domain/user';
import type { Database } from '../db/schema';
import { expectedProblem } from '../http/error-response';
import type { Logger } from '../logger';
import { inWriteTransaction } from '../store/write-transaction';
import { applyMutation } from './apply-mutation';
import type { Mutation, MutationResult, RejectionCode } from './mutations';

const CODES: Record<number, RejectionCode> = {
  400: 'validation',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
};

/** Why a mutation was refused, as its result says it; undefined for an unexpected error. */
function rejection(id: string, error: unknown): MutationResult | undefined {
  const problem = expectedProblem(error);
  if (!problem) return undefined;
  const code: RejectionCode =
    error instanceof ConfirmationRequiredError
      ? 'confirmation_required'
      : problem.extensions.unknownMutation
        ? 'unknown_mutation'
        : (CODES[problem.status] ?? 'conflict');
  return {
    id,
    status: 'rejected',
    code,
    reason: problem.detail,
    ...(Array.isArray(problem.extensions.errors)
      ? { errors: problem.extensions.errors as { path: string; message: string }[] }
      : {}),
    ...(error instanceof ConfirmationRequiredError ? { cloneCount: error.cloneCount } : {}),
  };
}

/**
 * Applies a push's mutations in order, each at most once, in one write transaction: a mutation
 * already processed answers with its recorded result; each new one runs behind a savepoint, so
 * a rejection undoes only its own effects, and its id and result are recorded in the same
 * transaction as its effect (or as its rejection). Returns the results and the revision.
 */
export async function pushMutations(
  db: Kysely<Database>,
  tenantId: string,
  user: User,
  mutations: readonly Mutation[],
  logger: Logger,
): Promise<{ results: MutationResult[]; revision: string }> {
  return inWriteTransaction(db, tenantId, async (writer) => {
    const results: MutationResult[] = [];
    const processed = new Map<string, MutationResult>();
    const earlier = await writer.trx
      .selectFrom('processed_mutations')
      .select(['id', 'result'])
      .where('tenant_id', '=', tenantId)
      .where(
        'id',
        'in',
        mutations.map((mutation) => mutation.id),
      )
      .execute();
    for (const row of earlier) processed.set(row.id, row.result as MutationResult);
    for (const mutation of mutations) {
      const seen = processed.get(mutation.id);
      if (seen) {
        results.push({ ...seen, duplicate: true });
        continue;
      }
      await sql`savepoint mutation`.execute(writer.trx);
      let result: MutationResult;
      try {
        result = {
          id: mutation.id,
          status: 'applied',
          ...(await applyMutation(writer, user, mutation)),
        };
        await sql`release savepoint mutation`.execute(writer.trx);
      } catch (error) {
        await sql`rollback to savepoint mutation`.execute(writer.trx);
        await sql`release savepoint mutation`.execute(writer.trx);
        const refused = rejection(mutation.id, error);
        if (!refused) {
          logger.error('mutation failed', { mutationId: mutation.id, name: mutation.name, error });
        }
        result = refused ?? {
          id: mutation.id,
          status: 'rejected',
          code: 'internal',
          reason: 'The server could not apply this change.',
        };
      }
      await writer.trx
        .insertInto('processed_mutations')
        .values({
          tenant_id: tenantId,
          id: mutation.id,
          user_id: user.id,
          result: JSON.stringify(result),
        })
        .execute();
      processed.set(mutation.id, result);
      results.push(result);
    }
    return { results, revision: writer.revision };
  });
}
