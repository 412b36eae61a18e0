import type { CustomerPageRecogniser } from '../domain/customer-page-recogniser';
import { firstOfEachId } from '../domain/first-of-each-id';

/**
 * The customer-page recognisers a quick task tries, in order: the contact center's (synced),
 * then this browser's own; the contact center's entry wins an id both use.
 */
export function recognisersInForce(lists: {
  contactCenter: readonly CustomerPageRecogniser[];
  browser: readonly CustomerPageRecogniser[];
}): CustomerPageRecogniser[] {
  return firstOfEachId([...lists.contactCenter, ...lists.browser]);
}
