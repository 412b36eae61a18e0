import type { ChangeSource } from '../domain/change-source';
import { type Id, newId, type Timestamp } from '../domain/ids';
import type { OperationContext } from '../domain/operation';
import type { User } from '../domain/user';
import { actingUser } from './acting-user';
import type { WrapupDb } from './database';
import { type StoreChanges, writeOperation, writeTables } from './write-operation';

/**
 * Who acts and when; ids are fresh UUIDv7s unless a test supplies its own. `source` is 'system'
 * when the softphone reported the change rather than the agent saving it (see ChangeSource).
 */
export interface CommandContext {
  actorId: Id;
  now: Timestamp;
  newId?: () => Id;
  source?: ChangeSource;
}

export function operationContext(ctx: CommandContext): OperationContext {
  return { actorId: ctx.actorId, now: ctx.now, newId: ctx.newId ?? newId };
}

/**
 * Reads what a rule needs, applies it and stores its result, all in one transaction: the rule
 * sees the store as it is, and when it throws (bad input, a deleted record, a missing
 * confirmation, a missing permission: PermissionError, R24) nothing is written. The acting
 * user's permissions are read in the same transaction.
 */
export function storeCommand<T>(
  db: WrapupDb,
  ctx: CommandContext,
  decide: (user: User) => Promise<{ changes: StoreChanges; answer: T }>,
): Promise<T> {
  return db.transaction('rw', [...writeTables(db), db.meta], async () => {
    const { changes, answer } = await decide(await actingUser(db, ctx.actorId));
    await writeOperation(db, changes);
    return answer;
  });
}
