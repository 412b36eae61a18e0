import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { IdSchema } from '../../lib/domain/ids';
import { parseInput } from '../../lib/domain/parse-input';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { assertNoNul } from '../http/no-nul';
import { ProblemError } from '../http/problem-error';
import { InteractionSchema } from '../interactions/interaction';
import { recordInteraction } from '../interactions/record-interaction';
import { signatureProblem } from '../interactions/signature';
import { inWriteTransaction } from '../store/write-transaction';

/**
 * `POST /v1/interactions`: the contact center's platform reports an ended interaction.
 * Headers: X-Wrapup-Tenant (the tenant id), X-Wrapup-Timestamp (Unix seconds) and
 * X-Wrapup-Signature (server/interactions/signature.ts). Answers 201 with the tasks made, or 200
 * with the first answer when the interaction id was already reported (idempotent).
 */
export function interactionsRoute(db: Kysely<Database>): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  route.post('/', async (c) => {
    const body = await c.req.text();
    const tenantId = c.req.header('x-wrapup-tenant') ?? '';
    const tenant = IdSchema.safeParse(tenantId).success
      ? await db
          .selectFrom('tenants')
          .select('webhook_secret')
          .where('id', '=', tenantId)
          .executeTakeFirst()
      : undefined;
    const problem = tenant?.webhook_secret
      ? signatureProblem(
          tenant.webhook_secret,
          c.req.header('x-wrapup-timestamp'),
          c.req.header('x-wrapup-signature'),
          body,
        )
      : 'Unknown contact center, or no webhook secret.';
    if (problem !== null) throw new ProblemError(401, problem);

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new ProblemError(400, 'The request body must be JSON.');
    }
    assertNoNul(json);
    const interaction = parseInput(InteractionSchema, json);
    const { result, duplicate } = await inWriteTransaction(db, tenantId, async (writer) => {
      const seen = await writer.trx
        .selectFrom('interactions')
        .select('result')
        .where('tenant_id', '=', tenantId)
        .where('interaction_id', '=', interaction.interactionId)
        .executeTakeFirst();
      if (seen) return { result: seen.result, duplicate: true };
      const recorded = await recordInteraction(writer, interaction);
      await writer.trx
        .insertInto('interactions')
        .values({
          tenant_id: tenantId,
          interaction_id: interaction.interactionId,
          result: JSON.stringify(recorded),
        })
        .execute();
      return { result: recorded, duplicate: false };
    });
    return c.json({ ...result, duplicate }, duplicate ? 200 : 201);
  });

  return route;
}
