import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { WrapupDb } from '../../../lib/db/database';
import { unsentChangeCount } from '../../../lib/db/local-data';
import { loadSession } from '../../../lib/db/session-store';
import { currentAgentId } from '../../../lib/session/current-agent';
import { ForbiddenError, OfflineError } from '../../../lib/sync/server-errors';
import { signIn, signOut, WrongCredentialsError } from '../../../lib/sync/sign-in';
import { SignInInputError } from '../../../lib/sync/sign-in-input';
import { openTestApi, PASSWORD, type TestApi, type TestTenant } from '../../server/support/api';
import { testDatabases } from '../../server/support/databases';
import { freshDb, makeTask } from '../db/fixtures';

const SERVER = 'https://wrapup.example';

describe('signing in and out against the real server (in process)', () => {
  let api: TestApi;
  let tenant: TestTenant;
  let agent: { id: string; email: string };
  let db: WrapupDb;
  let serverUp = true;

  /** The app itself answers; `serverUp = false` makes it a network failure, as fetch reports. */
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!serverUp) throw new TypeError('Failed to fetch');
    return api.app.fetch(new Request(input, init));
  }) as typeof globalThis.fetch;
  const deps = () => ({ db, fetch, retryLimit: 0 });

  beforeAll(async () => {
    api = await openTestApi(testDatabases[0]!);
    tenant = await api.createTenant('Acme Support');
    agent = await tenant.addUser('agent', ['view', 'create', 'edit'], 'Bo Agent');
  }, 60_000);

  afterAll(async () => {
    await api?.dispose();
  });

  beforeEach(async () => {
    fakeBrowser.reset();
    serverUp = true;
    db = await freshDb();
  });

  it('signs in: keeps the session and the user, and the user becomes the acting agent', async () => {
    const localId = await currentAgentId();
    const session = await signIn(
      {
        serverUrl: ' https://wrapup.example/ ',
        email: ` ${agent.email.toUpperCase()} `,
        password: PASSWORD,
      },
      deps(),
    );
    expect(session).toMatchObject({
      serverUrl: SERVER,
      user: { id: agent.id, name: 'Bo Agent', role: 'agent' },
      tenant: { id: tenant.tenantId, name: 'Acme Support' },
    });
    expect(await loadSession(db)).toEqual(session);
    expect(await db.users.get(agent.id)).toEqual(session.user);
    expect(await currentAgentId()).toBe(agent.id);
    const me = await api.call(session.token, 'GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(agent.id);

    await signOut(deps(), { clearLocalData: false });
    expect(await currentAgentId()).toBe(localId);
  });

  it('keeps the password out of the store', async () => {
    await signIn({ serverUrl: SERVER, email: agent.email, password: PASSWORD }, deps());
    const everything = JSON.stringify(await Promise.all(db.tables.map((table) => table.toArray())));
    expect(everything).not.toContain(PASSWORD);
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(PASSWORD);
  });

  it('says the email or password is wrong, and stores nothing', async () => {
    const localId = await currentAgentId();
    const error = await signIn(
      { serverUrl: SERVER, email: agent.email, password: 'not the password' },
      deps(),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WrongCredentialsError);
    expect((error as Error).message).toBe('The email or password is not right.');
    expect(await loadSession(db)).toBeNull();
    expect(await currentAgentId()).toBe(localId);
  });

  it('says a deactivated account is deactivated', async () => {
    const gone = await tenant.addUser('agent', ['view'], 'Gone Agent');
    await api.database.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', gone.id)
      .execute();
    const error = await signIn(
      { serverUrl: SERVER, email: gone.email, password: PASSWORD },
      deps(),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toBe('This account is deactivated.');
    expect(await loadSession(db)).toBeNull();
  });

  it('refuses bad input field by field before calling the server', async () => {
    serverUp = false;
    const error = await signIn(
      { serverUrl: 'ftp://files.example', email: 'not an email', password: '' },
      deps(),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignInInputError);
    expect((error as SignInInputError).issues).toEqual({
      serverUrl: 'The address must start with https:// (or http:// for a server on this network).',
      email: 'That is not an email address.',
      password: 'Enter your password.',
    });
  });

  it('says the server cannot be reached when it is down', async () => {
    serverUp = false;
    const error = await signIn(
      { serverUrl: SERVER, email: agent.email, password: PASSWORD },
      deps(),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OfflineError);
    expect((error as Error).message).toBe(
      'The server cannot be reached. Check the address and your connection.',
    );
  });

  it('says an address that is some other site is not a Wrapup server', async () => {
    const otherSite = (async () =>
      new Response('<html>hello</html>', {
        headers: { 'content-type': 'text/html' },
      })) as typeof globalThis.fetch;
    const error = await signIn(
      { serverUrl: 'https://example.org', email: agent.email, password: PASSWORD },
      { db, fetch: otherSite, retryLimit: 0 },
    ).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('That address does not answer like a Wrapup server.');
    const notFound = (async () => new Response('nope', { status: 404 })) as typeof globalThis.fetch;
    const missing = await signIn(
      { serverUrl: 'https://example.org', email: agent.email, password: PASSWORD },
      { db, fetch: notFound, retryLimit: 0 },
    ).catch((caught: unknown) => caught);
    expect((missing as Error).message).toBe('That address does not answer like a Wrapup server.');
  });

  it('signs out: the server refuses the token afterwards, local data stays', async () => {
    const session = await signIn(
      { serverUrl: SERVER, email: agent.email, password: PASSWORD },
      deps(),
    );
    await db.tasks.put(makeTask(1));
    expect(await signOut(deps(), { clearLocalData: false })).toEqual({ revoked: true });
    expect(await loadSession(db)).toBeNull();
    expect((await api.call(session.token, 'GET', '/v1/me')).status).toBe(401);
    expect(await db.tasks.count()).toBe(1);
  });

  it('signs out offline: signed out here, the token is left to expire', async () => {
    const session = await signIn(
      { serverUrl: SERVER, email: agent.email, password: PASSWORD },
      deps(),
    );
    const localBefore = await fakeBrowser.storage.local.get('ownAgentId');
    serverUp = false;
    expect(await signOut(deps(), { clearLocalData: false })).toEqual({ revoked: false });
    expect(await loadSession(db)).toBeNull();
    expect(await currentAgentId()).toBe(localBefore.ownAgentId);
    expect((await api.call(session.token, 'GET', '/v1/me')).status).toBe(200);
  });

  it('signs out with local data cleared: every table is empty', async () => {
    await signIn({ serverUrl: SERVER, email: agent.email, password: PASSWORD }, deps());
    await db.tasks.put(makeTask(1));
    await db.table('outbox').put({ id: 'x', name: 'task.create', args: {}, state: 'pending' });
    expect(await unsentChangeCount(db)).toBe(1);
    await signOut(deps(), { clearLocalData: true });
    const counts = await Promise.all(db.tables.map((table) => table.count()));
    expect(counts.every((count) => count === 0)).toBe(true);
    expect(await unsentChangeCount(db)).toBe(0);
  });

  it('signing in again as someone else still gives back the browser’s own agent at sign-out', async () => {
    const localId = await currentAgentId();
    const other = await tenant.addUser('agent', ['view'], 'Cy Agent');
    await signIn({ serverUrl: SERVER, email: agent.email, password: PASSWORD }, deps());
    await signIn({ serverUrl: SERVER, email: other.email, password: PASSWORD }, deps());
    expect(await currentAgentId()).toBe(other.id);
    await signOut(deps(), { clearLocalData: false });
    expect(await currentAgentId()).toBe(localId);
  });
});
