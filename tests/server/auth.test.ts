import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/database';
import { openTestApi, PASSWORD, type TestApi, type TestTenant } from './support/api';
import { testDatabases } from './support/databases';

const ROOT = resolve(import.meta.dirname, '../..');

describe.each(testDatabases)('auth on $kind', (target) => {
  let api: TestApi;
  let tenant: TestTenant;

  beforeAll(async () => {
    api = await openTestApi(target, { rateLimitPerMinute: 50, bodyLimitBytes: 4096 });
    tenant = await api.createTenant();
  });

  afterAll(async () => {
    await api?.dispose();
  });

  it('signs in with email and password and gets an opaque bearer token that works', async () => {
    const response = await api.call(null, 'POST', '/v1/auth/sign-in', {
      email: tenant.admin.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      token: expect.stringMatching(/^wrp_[A-Za-z0-9_-]{43}$/),
      user: { id: tenant.admin.id, role: 'administrator', active: true },
      tenant: { id: tenant.tenantId, name: 'Acme Support' },
    });
    expect(Date.parse(response.body.expiresAt)).toBeGreaterThan(Date.now());
    const me = await api.call(response.body.token, 'GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: tenant.admin.id }, tenantId: tenant.tenantId });
  });

  it('stores neither the password nor the token in clear', async () => {
    const user = await api.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', tenant.admin.id)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^scrypt\$/);
    expect(user.password_hash).not.toContain(PASSWORD);
    const tokens = await api.database.db.selectFrom('tokens').select('token_hash').execute();
    expect(tokens.map((row) => row.token_hash)).not.toContain(tenant.admin.token);
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const wrong = await api.call(null, 'POST', '/v1/auth/sign-in', {
      email: tenant.admin.email,
      password: 'not the password',
    });
    const unknown = await api.call(null, 'POST', '/v1/auth/sign-in', {
      email: 'nobody@test.example',
      password: PASSWORD,
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    expect(wrong.body).toMatchObject({ title: 'Unauthorized', detail: expect.any(String) });
  });

  it('answers bad sign-in bodies with 400 and field-level messages', async () => {
    const notJson = await api.call(null, 'POST', '/v1/auth/sign-in', '{"email":');
    expect(notJson.status).toBe(400);
    expect(notJson.body.detail).toMatch(/JSON/);
    const wrongTypes = await api.call(null, 'POST', '/v1/auth/sign-in', {
      email: 42,
      extra: "'; drop table users; --",
    });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'email', message: 'Must be text.' },
        { path: 'password', message: 'Required.' },
        { path: '', message: 'Unknown field: extra.' },
      ]),
    );
  });

  it('refuses requests without a token, with a forged one, or with a malformed header', async () => {
    for (const header of [
      undefined,
      'Bearer wrp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'Bearer not-a-token',
      `Basic ${tenant.admin.token}`,
    ]) {
      const response = await api.app.request('/v1/me', {
        headers: header ? { authorization: header } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('refuses an expired token', async () => {
    const token = await api.signIn(tenant.admin.email);
    expect((await api.call(token, 'GET', '/v1/me')).status).toBe(200);
    await api.database.db
      .updateTable('tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', (await import('../../server/auth/tokens')).tokenHash(token))
      .execute();
    expect((await api.call(token, 'GET', '/v1/me')).status).toBe(401);
  });

  it('revokes the token on sign-out, and only that token', async () => {
    const first = await api.signIn(tenant.admin.email);
    const second = await api.signIn(tenant.admin.email);
    expect((await api.call(first, 'POST', '/v1/auth/sign-out')).status).toBe(204);
    expect((await api.call(first, 'GET', '/v1/me')).status).toBe(401);
    expect((await api.call(second, 'GET', '/v1/me')).status).toBe(200);
  });

  it("stops a deactivated user's tokens at once and refuses their sign-in", async () => {
    const agent = await tenant.addUser();
    expect((await api.call(agent.token, 'GET', '/v1/me')).status).toBe(200);
    await api.database.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', agent.id)
      .execute();
    expect((await api.call(agent.token, 'GET', '/v1/me')).status).toBe(401);
    const signIn = await api.call(null, 'POST', '/v1/auth/sign-in', {
      email: agent.email,
      password: PASSWORD,
    });
    expect(signIn.status).toBe(403);
    expect(signIn.body.detail).toMatch(/deactivated/);
  });

  it('answers 429 with Retry-After once a token passes its per-minute limit', async () => {
    const token = await api.signIn(tenant.admin.email);
    const statuses: number[] = [];
    for (let request = 0; request < 52; request++) {
      statuses.push((await api.call(token, 'GET', '/v1/me')).status);
    }
    expect(statuses.slice(0, 50).every((status) => status === 200)).toBe(true);
    const limited = await api.call(token, 'GET', '/v1/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.body).toMatchObject({ title: 'Too Many Requests' });
    // Another token of the same user has its own budget.
    expect((await api.call(await api.signIn(tenant.admin.email), 'GET', '/v1/me')).status).toBe(
      200,
    );
  });

  it('answers a body over the limit with 413', async () => {
    const response = await api.call(null, 'POST', '/v1/auth/sign-in', {
      email: 'x@test.example',
      password: 'p'.repeat(10_000),
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ title: 'Content Too Large', status: 413 });
  });
});

describe.each(testDatabases)('npm run server -- create-tenant on $kind', (target) => {
  it('creates a contact center whose administrator can sign in', async () => {
    const fresh = await target.createFresh();
    const dataDir = await mkdtemp(join(tmpdir(), 'wrapup-cli-'));
    try {
      const env = {
        ...process.env,
        WRAPUP_DATA_DIR: join(dataDir, 'pglite'),
        DATABASE_URL: fresh.options.databaseUrl ?? '',
      };
      const args = [
        'server/main.ts',
        'create-tenant',
        '--name',
        'Initech Care',
        '--admin-email',
        'boss@initech.example',
        '--admin-password',
        PASSWORD,
      ];
      const run = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env });
      expect(run.stderr.toString()).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.toString()).toMatch(/Created contact center "Initech Care"/);

      const again = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env });
      expect(again.status).toBe(1);
      expect(again.stderr.toString()).toMatch(/already uses this email/);

      const database = await openDatabase({
        databaseUrl: fresh.options.databaseUrl,
        dataDir: env.WRAPUP_DATA_DIR,
      });
      try {
        const tenants = await database.db.selectFrom('tenants').select('name').execute();
        expect(tenants).toEqual([{ name: 'Initech Care' }]);
        const users = await database.db.selectFrom('users').select(['email', 'role']).execute();
        expect(users).toEqual([{ email: 'boss@initech.example', role: 'administrator' }]);
      } finally {
        await database.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await fresh.drop();
    }
  }, 120_000);
});
