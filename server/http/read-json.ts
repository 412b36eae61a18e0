import type { Context } from 'hono';
import type { z } from 'zod';
import { parseInput } from '../../lib/domain/parse-input';
import { assertNoNul } from './no-nul';
import { ProblemError } from './problem-error';

/**
 * The request body, parsed and validated against `schema`, or a 400: not JSON, or one message
 * per offending field (ValidationError). Pass strict object schemas so unknown fields are named.
 * An `optional` body may be left empty and then reads as `{}`.
 */
export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
  options: { optional?: boolean } = {},
): Promise<z.infer<T>> {
  let body: unknown;
  try {
    const text = await c.req.text();
    body = options.optional && text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ProblemError(400, 'The request body must be JSON.');
  }
  assertNoNul(body);
  return parseInput(schema, body);
}

/** Query parameters validated the same way. */
export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const query = c.req.query();
  assertNoNul(query);
  return parseInput(schema, query);
}
