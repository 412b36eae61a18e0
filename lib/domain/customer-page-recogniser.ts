import { z } from 'zod';
import { LIMITS } from './limits';

const Selector = z.string().trim().min(1).max(LIMITS.shortText);

/** Whether the source compiles and has a capture group for the external id. */
function capturesExternalId(source: string): boolean {
  try {
    // Matching the empty alternative shows how many groups the pattern has.
    return (new RegExp(`${source}|`).exec('')?.length ?? 0) > 1;
  } catch {
    return false;
  }
}

/**
 * The administrator's description of one of the contact center's own CRM pages: which addresses
 * are customer records, where the record's id is in the address, and where the page shows the
 * customer's name, phone and email. Data, not code: the generic reader runs any recogniser.
 */
export const CustomerPageRecogniserSchema = z
  .object({
    id: z.string().min(1).max(LIMITS.fieldKey),
    name: z.string().trim().min(1).max(LIMITS.name),
    /**
     * A regular expression over the page's address whose first group is the external id, e.g.
     * `^https://crm\.example\.com/customers/(\d+)`.
     */
    urlPattern: z
      .string()
      .min(1)
      .max(LIMITS.shortText)
      .refine(capturesExternalId, 'Must be a regular expression with a group for the id.'),
    selectors: z.object({ name: Selector, phone: Selector, email: Selector }).partial().strict(),
  })
  .strict();
export type CustomerPageRecogniser = z.infer<typeof CustomerPageRecogniserSchema>;
