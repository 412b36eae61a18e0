import type { Id } from '../domain/ids';
import { localAgent } from '../domain/local-agent';
import type { User } from '../domain/user';
import type { WrapupDb } from './database';

/** Who a command acts as: their record in the store, or the local agent until it arrives. */
export async function actingUser(db: WrapupDb, id: Id): Promise<User> {
  return (await db.users.get(id)) ?? localAgent(id);
}
