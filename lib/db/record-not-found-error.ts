/** What a command looked for and this browser's store does not hold (not synced here yet). */
export type StoredRecordKind =
  | 'customer'
  | 'custom field'
  | 'transaction code'
  | 'user'
  | 'refused change';

export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
  constructor(
    readonly kind: StoredRecordKind,
    readonly key: string,
  ) {
    super(`This ${kind} is not available here.`);
  }
}
