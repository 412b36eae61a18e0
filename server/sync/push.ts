import type { Kysely } from 'kysely';
import { ConfirmationRequiredError } from '../../lib/domain/confirmation-required-error';
import type { Mutation, MutationResult, RejectionCode } from '../../lib/domain/sync-mutations';
import type { User } from '../../lib/domain/user';
import type { Database } from '../db/schema';
import { expectedProblem } from '../http/error-response';
import type { Logger } from '../logger';
import { inWriteTransaction } from '../store/write-transaction';
import { applyMutation } from './apply-mutation';

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

/** A mutation failed in a way that left the transaction unusable or half-applied. */
class FailedMutation extends Error {
  constructor(
    readonly mutationId: string,
    override readonly cause: unknown,
  ) {
    super('mutation failed');
  }
}

const INTERNAL = 'The server could not apply this change.';

/**
 * One attempt at a push, in one write transaction. Operations check everything (input,
 * permissions, state) before they write, so an expected rejection has written nothing and the
 * next mutation goes on in the same transaction, with no savepoint (a push of 100 would
 * otherwise overflow PostgreSQL's subtransaction cache and slow every other session). Anything
 * else throws FailedMutation and the whole attempt rolls back.
 */
function attemptPush(
  db: Kysely<Database>,
  tenantId: string,
  user: User,
  mutations: readonly Mutation[],
  failed: ReadonlySet<string>,
) {
  return inWriteTransaction(db, tenantId, async (writer) => {
    const results: MutationResult[] = [];
    const fresh: MutationResult[] = [];
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
      let result: MutationResult;
      if (failed.has(mutation.id)) {
        result = { id: mutation.id, status: 'rejected', code: 'internal', reason: INTERNAL };
      } else {
        const writesBefore = writer.recorded();
        try {
          result = {
            id: mutation.id,
            status: 'applied',
            ...(await applyMutation(writer, user, mutation)),
          };
        } catch (error) {
          const refused = rejection(mutation.id, error);
          if (!refused || writer.recorded() !== writesBefore) {
            throw new FailedMutation(mutation.id, error);
          }
          result = refused;
        }
      }
      processed.set(mutation.id, result);
      fresh.push(result);
      results.push(result);
    }
    // Recorded in the same transaction as the effects: both commit, or neither does.
    if (fresh.length > 0) {
      await writer.trx
        .insertInto('processed_mutations')
        .values(
          fresh.map((result) => ({
            tenant_id: tenantId,
            id: result.id,
            user_id: user.id,
            result: JSON.stringify(result),
          })),
        )
        .execute();
    }
    return { results, revision: writer.revision };
  });
}

/**
 * Applies a push's mutations in order, each at most once: a mutation already processed answers
 * with its recorded result; each new one is applied or rejected, and its id and result are
 * recorded in the same transaction as its effect. A mutation that fails unexpectedly is
 * rejected as `internal` (and logged) and the push runs again without it, so one poisonous
 * mutation never blocks an outbox. Returns the results and the revision.
 */
export async function pushMutations(
  db: Kysely<Database>,
  tenantId: string,
  user: User,
  mutations: readonly Mutation[],
  logger: Logger,
): Promise<{ results: MutationResult[]; revision: string }> {
  const failed = new Set<string>();
  for (;;) {
    try {
      return await attemptPush(db, tenantId, user, mutations, failed);
    } catch (error) {
      if (!(error instanceof FailedMutation) || failed.has(error.mutationId)) throw error;
      logger.error('mutation failed', { mutationId: error.mutationId, error: error.cause });
      failed.add(error.mutationId);
    }
  }
}
