import { z } from 'zod';
import { LIMITS } from '../domain/limits';

const Text = (max: number) => z.string().max(max);

/** A schema.org Person or Organization the page describes (JSON-LD or microdata). */
export const PageEntitySchema = z
  .object({
    type: z.enum(['Person', 'Organization']),
    name: Text(LIMITS.name).nullable(),
    telephone: Text(LIMITS.phone).nullable(),
    email: Text(LIMITS.email).nullable(),
    identifier: Text(LIMITS.shortText).nullable(),
    /** For a Person, the organization it works for. */
    organization: Text(LIMITS.name).nullable(),
  })
  .strict();
export type PageEntity = z.infer<typeof PageEntitySchema>;

/** What an administrator's recogniser found on one of the contact center's CRM pages. */
export const RecognisedCustomerSchema = z
  .object({
    recogniserId: Text(LIMITS.fieldKey),
    externalId: Text(LIMITS.shortText),
    name: Text(LIMITS.name).nullable(),
    phone: Text(LIMITS.phone).nullable(),
    email: Text(LIMITS.email).nullable(),
  })
  .strict();
export type RecognisedCustomer = z.infer<typeof RecognisedCustomerSchema>;

export const PAGE_CONTEXT_LIMITS = { links: 20, entities: 10 } as const;

/**
 * What the page tells us about the customer it is about. Read by a script in the page, so every
 * value is untrusted text: bounded here, shown only as text, matched only after normalising.
 */
export const PageContextSchema = z
  .object({
    url: Text(LIMITS.url),
    title: Text(LIMITS.shortText),
    selection: Text(LIMITS.shortText),
    telLinks: z.array(Text(LIMITS.phone)).max(PAGE_CONTEXT_LIMITS.links),
    mailtoLinks: z.array(Text(LIMITS.email)).max(PAGE_CONTEXT_LIMITS.links),
    entities: z.array(PageEntitySchema).max(PAGE_CONTEXT_LIMITS.entities),
    recognised: RecognisedCustomerSchema.nullable(),
  })
  .strict();
export type PageContext = z.infer<typeof PageContextSchema>;
