import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { CustomerMatch } from '../db/queries/customers-for-page';
import { CustomerSchema } from '../domain/customer';
import { IdSchema, TimestampSchema } from '../domain/ids';
import { TaskSchema } from '../domain/task';
import { isWebAddress } from '../domain/web-address';
import type { CustomerHints } from './customer-hints';
import type { PageContext } from './page-context';

/** The customer to create when nobody matched, filled from the page; the agent can change it. */
export const CustomerPrefillSchema = CustomerSchema.pick({
  phones: true,
  emails: true,
  company: true,
  externalIds: true,
})
  .extend({ name: z.string().max(CustomerSchema.shape.name.maxLength ?? 200) })
  .strict();
export type CustomerPrefill = z.infer<typeof CustomerPrefillSchema>;

/**
 * "Start a task for the page I am on": left in extension storage by the background after the
 * context menu or the keyboard shortcut, taken by the side panel when it opens or, when already
 * open, as soon as it changes. The page's title and address become the task's reference; one
 * matching customer is attached (R10), several are offered to choose from, none offers a new
 * customer filled from the page. Every value is page text: shown as text only.
 */
export const NewTaskRequestSchema = z
  .object({
    at: TimestampSchema,
    reference: TaskSchema.shape.reference,
    customer: z.discriminatedUnion('match', [
      z.object({ match: z.literal('one'), customerId: IdSchema }).strict(),
      z
        .object({ match: z.literal('several'), customerIds: z.array(IdSchema).min(2).max(20) })
        .strict(),
      z.object({ match: z.literal('none'), prefill: CustomerPrefillSchema }).strict(),
    ]),
  })
  .strict();
export type NewTaskRequest = z.infer<typeof NewTaskRequestSchema>;

export const newTaskRequestItem = storage.defineItem<NewTaskRequest | null>(
  'local:newTaskRequest',
  { fallback: null },
);

/** The stored request, or null when there is none or it is not one we understand. */
export function parseNewTaskRequest(value: unknown): NewTaskRequest | null {
  const parsed = NewTaskRequestSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The page as a task reference: only web pages can be linked back to from the task. */
function referenceOptional(page: Pick<PageContext, 'title' | 'url'>): NewTaskRequest['reference'] {
  if (!isWebAddress(page.url)) return null;
  return { title: page.title, url: page.url };
}

export function buildNewTaskRequest(input: {
  page: Pick<PageContext, 'title' | 'url'>;
  hints: CustomerHints;
  match: CustomerMatch;
  now: Date;
}): NewTaskRequest {
  const { page, hints, match } = input;
  const [first, second] = match.customers;
  const customer: NewTaskRequest['customer'] =
    first && !second
      ? { match: 'one', customerId: first.id }
      : first
        ? { match: 'several', customerIds: match.customers.map((found) => found.id) }
        : {
            match: 'none',
            prefill: {
              name: hints.name ?? '',
              phones: hints.phones.slice(0, 20),
              emails: hints.emails.slice(0, 20),
              company: hints.company,
              externalIds: hints.externalIds.slice(0, 20),
            },
          };
  return NewTaskRequestSchema.parse({
    at: input.now.toISOString(),
    reference: referenceOptional(page),
    customer,
  });
}
