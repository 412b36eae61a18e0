import { newId } from '../../../lib/domain/ids';
import type { Permission, Role, User } from '../../../lib/domain/user';
import { createApp } from '../../../server/app';
import type { AppOptions } from '../../../server/app-options';
import { hashPassword } from '../../../server/auth/password';
import { migrateToLatest } from '../../../server/db/migrate';
import { createLogger } from '../../../server/logger';
import { insertUser } from '../../../server/store/users';
import { inWriteTransaction } from '../../../server/store/write-transaction';
import { ChangeNotifier } from '../../../server/sync/change-notifier';
import { createTenant } from '../../../server/tenants/create-tenant';
import { type OpenTestDatabase, openFreshDatabase, type TestDatabase } from './databases';

export const PASSWORD = 'correct horse battery';

export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back.
  body: any;
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  tenantId: string;
}

export interface TestTenant {
  tenantId: string;
  webhookSecret: string;
  admin: TestUser;
  /** Adds a user directly in the database and signs them in. */
  addUser(role?: Role, permissions?: Permission[], name?: string): Promise<TestUser>;
}

export interface TestApi {
  database: OpenTestDatabase;
  app: ReturnType<typeof createApp>;
  /** A JSON request; `token` null sends no Authorization header. */
  call(token: string | null, method: string, path: string, body?: unknown): Promise<ApiResponse>;
  signIn(email: string, password?: string): Promise<string>;
  createTenant(name?: string): Promise<TestTenant>;
  dispose(): Promise<void>;
}

let counter = 0;
const uniqueEmail = (who: string) => `${who}-${Date.now()}-${++counter}@test.example`;

/** A fresh, migrated database of `target` with the app over it. */
export async function openTestApi(
  target: TestDatabase,
  options: Partial<AppOptions> = {},
): Promise<TestApi> {
  const database = await openFreshDatabase(target);
  await migrateToLatest(database.db);
  const logger = createLogger({ silent: true });
  const notifier = new ChangeNotifier(database.listen, logger);
  await notifier.start();
  const app = createApp({
    db: database.db,
    databaseKind: database.kind,
    logger,
    options,
    notifier,
  });

  const call: TestApi['call'] = async (token, method, path, body) => {
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await app.request(path, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {}
    return { status: response.status, headers: response.headers, body: parsed };
  };

  const signIn: TestApi['signIn'] = async (email, password = PASSWORD) => {
    const response = await call(null, 'POST', '/v1/auth/sign-in', { email, password });
    if (response.status !== 200)
      throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
    return response.body.token as string;
  };

  const makeTenant: TestApi['createTenant'] = async (name = 'Acme Support') => {
    const adminEmail = uniqueEmail('admin');
    const created = await createTenant(database.db, {
      name,
      adminName: 'Ada Admin',
      adminEmail,
      adminPassword: PASSWORD,
    });
    const admin = {
      id: created.adminId,
      email: adminEmail,
      token: await signIn(adminEmail),
      tenantId: created.tenantId,
    };
    const passwordHash = await hashPassword(PASSWORD);
    return {
      tenantId: created.tenantId,
      webhookSecret: created.webhookSecret,
      admin,
      async addUser(role = 'agent', permissions = ['view', 'create', 'edit'], name = 'Bo Agent') {
        const user: User = {
          id: newId(),
          name,
          email: uniqueEmail(role),
          role,
          permissions,
          active: true,
        };
        await inWriteTransaction(database.db, created.tenantId, (writer) =>
          insertUser(writer, user, passwordHash),
        );
        return {
          id: user.id,
          email: user.email,
          token: await signIn(user.email),
          tenantId: created.tenantId,
        };
      },
    };
  };

  const dispose = async () => {
    await notifier.close();
    await database.dispose();
  };
  return { database, app, call, signIn, createTenant: makeTenant, dispose };
}
