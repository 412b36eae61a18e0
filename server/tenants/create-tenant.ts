import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { newId } from '../../lib/domain/ids';
import { parseInput } from '../../lib/domain/parse-input';
import { DEFAULT_SETTINGS } from '../../lib/domain/settings';
import { SYSTEM_TRANSACTION_CODES } from '../../lib/domain/transaction-code';
import { PERMISSIONS, UserSchema } from '../../lib/domain/user';
import { hashPassword } from '../auth/password';
import { PasswordSchema } from '../auth/password-schema';
import type { Database } from '../db/schema';
import { assertEmailFree } from '../store/email-free';
import { insertUser } from '../store/users';
import { inWriteTransaction } from '../store/write-transaction';

export const NewTenantSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name is required.').max(200),
  adminName: UserSchema.shape.name,
  adminEmail: UserSchema.shape.email,
  adminPassword: PasswordSchema,
});
export type NewTenant = z.input<typeof NewTenantSchema>;

export interface CreatedTenant {
  tenantId: string;
  adminId: string;
  /** The secret the contact center's platform signs interaction webhooks with. */
  webhookSecret: string;
}

/**
 * A new contact center with its first administrator, the default settings and the system
 * transaction codes (R6). Throws ValidationError on bad input, and a 409 ProblemError when the
 * email is taken.
 */
export async function createTenant(db: Kysely<Database>, input: NewTenant): Promise<CreatedTenant> {
  const tenant = parseInput(NewTenantSchema, input);
  const tenantId = newId();
  const webhookSecret = randomBytes(32).toString('base64url');
  const passwordHash = await hashPassword(tenant.adminPassword);
  await db
    .insertInto('tenants')
    .values({
      id: tenantId,
      name: tenant.name,
      settings: JSON.stringify(DEFAULT_SETTINGS),
      webhook_secret: webhookSecret,
    })
    .execute();
  try {
    const adminId = await inWriteTransaction(db, tenantId, async (writer) => {
      const admin = {
        id: newId(),
        name: tenant.adminName,
        email: tenant.adminEmail,
        role: 'administrator' as const,
        permissions: [...PERMISSIONS],
        active: true,
      };
      await assertEmailFree(writer.trx, admin.email);
      await insertUser(writer, admin, passwordHash);
      await writer.record('settings', tenantId, DEFAULT_SETTINGS);
      for (const code of SYSTEM_TRANSACTION_CODES) {
        await writer.trx
          .insertInto('transaction_codes')
          .values({ tenant_id: tenantId, code: code.code, data: JSON.stringify(code) })
          .execute();
        await writer.record('transactionCode', code.code, code);
      }
      return admin.id;
    });
    return { tenantId, adminId, webhookSecret };
  } catch (error) {
    await db.deleteFrom('tenants').where('id', '=', tenantId).execute();
    throw error;
  }
}
