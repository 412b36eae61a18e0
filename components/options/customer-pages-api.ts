import type { CustomerPageRecogniser } from '../../lib/domain/customer-page-recogniser';
import type { ProfilesScope } from './softphone-profiles-api';

/** What the customer-pages screen needs from the browser, so it never calls it. */
export interface CustomerPagesApi {
  scope: ProfilesScope;
  load(): Promise<CustomerPageRecogniser[]>;
  /** Throws an Error whose message says why the list was not saved. */
  save(recognisers: CustomerPageRecogniser[]): Promise<void>;
}
