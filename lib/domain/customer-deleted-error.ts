import type { Id } from './ids';

/** A deleted customer is a tombstone kept for sync: it cannot be edited any more. */
export class CustomerDeletedError extends Error {
  override readonly name = 'CustomerDeletedError';
  constructor(readonly customerId: Id) {
    super('This customer was deleted.');
  }
}
