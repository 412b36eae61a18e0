import type { WrapupDb } from '../../../lib/db/database';
import type { User } from '../../../lib/domain/user';
import { testId } from './fixtures';

export const ADMIN = testId(900_050);

export const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();
export const as = (actorId: string, minute = 0) => ({ actorId, now: at(minute) });

export function adminUser(overrides: Partial<User> = {}): User {
  return {
    id: ADMIN,
    name: 'Ada Admin',
    email: 'ada@example.com',
    role: 'administrator',
    permissions: [],
    active: true,
    ...overrides,
  };
}

/** The store as the administrator's browser has it: their own record synced. */
export async function withAdministrator(db: WrapupDb): Promise<void> {
  await db.users.put(adminUser());
}
