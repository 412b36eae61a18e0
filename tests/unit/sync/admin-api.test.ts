import type { KyInstance } from 'ky';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAdminRecords } from '../../../lib/db/admin-records';
import { loadSettings } from '../../../lib/db/settings-store';
import {
  addFieldDefinition,
  addTransactionCode,
  addUser,
  adminResult,
  changeServerSettings,
  editFieldDefinition,
  editTransactionCode,
  editUser,
  listFieldDefinitions,
  listTransactionCodes,
  listUsers,
  loadServerSettings,
  reorderFieldDefinitions,
} from '../../../lib/sync/admin-api';
import { ForbiddenError } from '../../../lib/sync/server-errors';
import { serverHttp } from '../../../lib/sync/server-http';
import { openTestApi, type TestApi, type TestTenant } from '../../server/support/api';
import { testDatabases } from '../../server/support/databases';
import { freshDb } from '../db/fixtures';

describe('administrator requests against the real server (in process)', () => {
  let api: TestApi;
  let tenant: TestTenant;
  let agent: { id: string; token: string };
  let admin: KyInstance;
  let asAgent: KyInstance;

  const http = (token: string) =>
    serverHttp({
      serverUrl: 'http://test',
      token,
      retryLimit: 0,
      fetch: async (input, init) => api.app.fetch(new Request(input, init)),
    });

  beforeAll(async () => {
    api = await openTestApi(testDatabases[0]!);
    tenant = await api.createTenant('Acme Support');
    agent = await tenant.addUser('agent', ['view', 'create', 'edit'], 'Bo Agent');
    admin = http(tenant.admin.token);
    asAgent = http(agent.token);
  }, 60_000);

  afterAll(async () => {
    await api?.dispose();
  });

  it('R20: adds, edits, reorders and archives custom fields; the type stays fixed', async () => {
    const first = await addFieldDefinition(admin, {
      key: 'order_number',
      label: 'Order number',
      type: 'text',
      required: true,
    });
    const second = await addFieldDefinition(admin, {
      key: 'channel',
      label: 'Channel',
      type: 'select',
      options: ['Phone', 'Web'],
      defaultValue: 'Web',
    });
    expect(second).toMatchObject({ key: 'channel', defaultValue: 'Web', archived: false });

    const relabelled = await editFieldDefinition(admin, first.id, { label: 'Order no.' });
    expect(relabelled.label).toBe('Order no.');

    const reordered = await reorderFieldDefinitions(admin, [second.id, first.id]);
    expect(reordered.map((field) => field.key)).toEqual(['channel', 'order_number']);
    expect(await adminResult(() => reorderFieldDefinitions(admin, [first.id, first.id]))).toEqual({
      ok: false,
      message: expect.any(String),
      fields: { order: 'List each existing field at most once.' },
    });
    expect((await listFieldDefinitions(admin)).map((field) => field.key)).toEqual([
      'channel',
      'order_number',
    ]);

    const typeChange = await adminResult(() =>
      editFieldDefinition(admin, first.id, { type: 'number' }),
    );
    expect(typeChange).toMatchObject({
      ok: false,
      fields: { type: "A field's type cannot change after it is created." },
    });

    const archived = await editFieldDefinition(admin, second.id, { archived: true });
    expect(archived.archived).toBe(true);
  });

  it('R20: bad input comes back as messages by field path', async () => {
    const result = await adminResult(() =>
      addFieldDefinition(admin, { key: 'Bad Key', label: '', type: 'select' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields).sort()).toEqual(['key', 'label']);
    expect(result.fields.key).toMatch(/lower-case/i);
    expect(result.message).toMatch(/fix|not valid/i);

    const noOptions = await adminResult(() =>
      addFieldDefinition(admin, { key: 'size', label: 'Size', type: 'select' }),
    );
    expect(noOptions).toMatchObject({ ok: false, fields: { options: 'Add at least one option.' } });
  });

  it('R5, R6: adds, relabels and retires codes; system codes and duplicates are refused', async () => {
    expect(await addTransactionCode(admin, { code: 'SALE', label: 'Sale' })).toEqual({
      code: 'SALE',
      label: 'Sale',
      system: null,
      active: true,
    });
    expect((await editTransactionCode(admin, 'SALE', { label: 'Sale made' })).label).toBe(
      'Sale made',
    );
    expect((await editTransactionCode(admin, 'SALE', { active: false })).active).toBe(false);
    const codes = await listTransactionCodes(admin);
    expect(codes.find((code) => code.code === 'AMD')?.system).toBe('AMD');

    const duplicate = await adminResult(() =>
      addTransactionCode(admin, { code: 'sale', label: 'Again' }),
    );
    expect(duplicate).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already exists/),
    });
    const system = await adminResult(() => editTransactionCode(admin, 'AMD', { label: 'Mine' }));
    expect(system.ok).toBe(false);
  });

  it('R19, R24: creates users who can sign in, resets passwords, deactivates; self-lockout refused', async () => {
    const created = await addUser(admin, {
      name: 'Cy Agent',
      email: 'cy@acme.example',
      role: 'agent',
      permissions: ['view', 'create'],
      password: 'a long initial password',
    });
    expect(created).toMatchObject({ role: 'agent', permissions: ['view', 'create'], active: true });
    const token = await api.signIn('cy@acme.example', 'a long initial password');

    const edited = await editUser(admin, created.id, { permissions: ['view', 'delete'] });
    expect(edited.permissions).toEqual(['view', 'delete']);
    await editUser(admin, created.id, { password: 'another long password' });
    expect((await api.call(token, 'GET', '/v1/me')).status).toBe(401);
    const newToken = await api.signIn('cy@acme.example', 'another long password');
    expect((await editUser(admin, created.id, { active: false })).active).toBe(false);
    expect((await api.call(newToken, 'GET', '/v1/me')).status).toBe(401);
    expect((await listUsers(admin)).map((user) => user.email)).toContain('cy@acme.example');

    const short = await adminResult(() =>
      addUser(admin, { name: 'Short', email: 'short@acme.example', role: 'agent', password: 'x' }),
    );
    expect(short).toMatchObject({ ok: false, fields: { password: expect.any(String) } });

    const selfDemotion = await adminResult(() =>
      editUser(admin, tenant.admin.id, { role: 'agent' }),
    );
    expect(selfDemotion).toMatchObject({
      ok: false,
      message: 'You cannot deactivate yourself or give up your own administrator role.',
    });
  });

  it('R1, R2, R11: reads and changes the settings', async () => {
    const before = await loadServerSettings(admin);
    const after = await changeServerSettings(admin, {
      codesRequiredOnCallLogs: true,
      callLogOpensIn: 'view',
      defaultReminderLeadMinutes: 15,
    });
    expect(after).toEqual({
      ...before,
      codesRequiredOnCallLogs: true,
      callLogOpensIn: 'view',
      defaultReminderLeadMinutes: 15,
      version: expect.not.stringMatching(`^${before.version}$`),
    });
    // Made on `before`, a change to a setting changed since is refused, and nothing changes...
    const stale = await adminResult(() =>
      changeServerSettings(admin, { callLogOpensIn: 'edit' }, before),
    );
    expect(stale).toEqual({
      ok: false,
      message:
        'These settings were changed by someone else meanwhile — reloaded; your edit is kept, save again.',
      fields: {},
      changedMeanwhile: true,
    });
    expect(await loadServerSettings(admin)).toEqual(after);
    // ...while one to a setting nobody touched meanwhile goes on top of the newer settings.
    const untouched = await changeServerSettings(admin, { autoCallLog: false }, before);
    expect(untouched).toEqual({
      ...after,
      autoCallLog: false,
      version: expect.not.stringMatching(`^${after.version}$`),
    });
    expect(await changeServerSettings(admin, { autoCallLog: true }, untouched)).toMatchObject({
      autoCallLog: true,
    });
    const tooLong = await adminResult(() =>
      changeServerSettings(admin, { defaultReminderLeadMinutes: 5000 }),
    );
    expect(tooLong).toMatchObject({
      ok: false,
      fields: { defaultReminderLeadMinutes: expect.any(String) },
    });
  });

  it('R24: an agent is refused with the server reason', async () => {
    const refused = addFieldDefinition(asAgent, { key: 'x', label: 'X', type: 'text' });
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refused).rejects.toThrow('Only administrators can add custom fields.');
    expect(await adminResult(() => changeServerSettings(asAgent, { autoCallLog: false }))).toEqual({
      ok: false,
      message: 'Only administrators can change the settings.',
      fields: {},
    });
  });

  it('keeps what the server answered in the local store at once', async () => {
    const db = await freshDb();
    const field = await addFieldDefinition(admin, { key: 'stored', label: 'Stored', type: 'text' });
    const { version: _version, ...settings } = await loadServerSettings(admin);
    const stranger = { ...field, id: '01939d2c-0000-7000-8000-000000000001' };
    await db.fieldDefinitions.put(stranger);
    await storeAdminRecords(db, { fieldDefinitions: [field], settings });
    expect(await db.fieldDefinitions.toArray()).toEqual([field]);
    expect(await loadSettings(db)).toEqual(settings);
  });
});
