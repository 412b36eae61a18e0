import type { CustomerPageRecogniser } from '../../lib/domain/customer-page-recogniser';

/** What the customer-pages screen needs from the browser, so it never calls it. */
export interface CustomerPagesApi {
  load(): Promise<CustomerPageRecogniser[]>;
  save(recognisers: CustomerPageRecogniser[]): Promise<void>;
}
