import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import { saveSettings } from '../../../lib/db/settings-store';
import { saveTaskEdit } from '../../../lib/db/task-commands';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import type { Task } from '../../../lib/domain/task';
import type { AppState } from '../../../lib/state/app-state';
import type { DraftStore, memoryDraftStore } from '../../../lib/state/draft-store';
import { createTaskFormState, draftKey, initialMode } from '../../../lib/state/task-form-state';
import { formValuesOf } from '../../../lib/state/task-form-values';
import { AGENT, freshDb, makeTask } from '../db/fixtures';
import { loaded, testAppState, until } from './support';

const callLog = (n: number, overrides: Partial<Task> = {}) =>
  makeTask(n, {
    origin: 'system',
    subject: `Call ${n}`,
    call: {
      number: '+14155550134',
      callerName: 'Ada',
      direction: 'inbound',
      queue: null,
      campaign: null,
      startedAt: '2026-11-29T09:00:00.000Z',
      connectedAt: '2026-11-29T09:00:05.000Z',
      endedAt: '2026-11-29T09:03:00.000Z',
      durationSeconds: 175,
    },
    ...overrides,
  });

describe('the task form state', () => {
  let db: WrapupDb;
  let state: AppState;
  let drafts: ReturnType<typeof memoryDraftStore>;

  beforeEach(async () => {
    db = await freshDb();
    ({ state, drafts } = testAppState(db));
    await loaded(() => state.settings.value);
  });

  afterEach(async () => {
    state.dispose();
    await catchUpSearchIndex(db);
    db.close();
  });

  function formFor(task: Task | null) {
    return createTaskFormState({
      app: state,
      task,
      definitions: [],
      settings: state.settings.value,
    });
  }

  it('R2: a call log opens as the settings say; other tasks for editing; read-only without the right', () => {
    const log = callLog(1);
    expect(initialMode(log, { ...DEFAULT_SETTINGS, callLogOpensIn: 'view' }, true)).toBe('view');
    expect(initialMode(log, { ...DEFAULT_SETTINGS, callLogOpensIn: 'edit' }, true)).toBe('edit');
    expect(initialMode(makeTask(2), { ...DEFAULT_SETTINGS, callLogOpensIn: 'view' }, true)).toBe(
      'edit',
    );
    expect(initialMode(makeTask(2), DEFAULT_SETTINGS, false)).toBe('view');
  });

  it('R2: the setting stored by the contact center reaches the form', async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, callLogOpensIn: 'view' });
    await until(() => state.settings.value?.callLogOpensIn === 'view');
    expect(formFor(callLog(1)).mode.value).toBe('view');
  });

  it('keeps typed text as a draft and restores it in a new form for the same task', async () => {
    const task = makeTask(3);
    await db.tasks.put(task);
    const form = formFor(task);
    await form.ready;
    form.update({ notes: 'typed before the panel closed' });
    await form.flush();
    expect([...drafts.entries.keys()]).toEqual([`task:${task.id}`]);

    const again = formFor(task);
    await again.ready;
    expect(again.values.value.notes).toBe('typed before the panel closed');
    expect(again.restored.value).toBe(true);
    await again.cancel();
    expect(drafts.entries.size).toBe(0);
  });

  it('R4: saving a call log without a customer asks first; saving without one is a choice', async () => {
    const log = callLog(4);
    await db.tasks.put(log);
    await until(() => (state.toLog.value ?? []).length === 1);
    const form = formFor(log);
    await form.ready;
    form.update({ notes: 'Wants a refund' });
    expect(await form.save()).toBeNull();
    expect(form.customerPrompt.value).toBe(true);
    expect((await db.tasks.get(log.id))?.notes).toBe('');

    const saved = await form.save({ withoutCustomer: true });
    expect(saved?.notes).toBe('Wants a refund');
    expect(form.customerPrompt.value).toBe(false);
    expect(form.status.value).toBe('saved');
    // A saved log leaves the "to log" queue, even though its status is still open.
    await until(() => (state.toLog.value ?? []).length === 0);
  });

  it('R1, R4: a log without a number asks for it first, then the customer, with that number', async () => {
    const base = callLog(5);
    const log = { ...base, call: base.call && { ...base.call, number: null } };
    await db.tasks.put(log);
    const form = formFor(log);
    await form.ready;
    expect(await form.save()).toBeNull();
    expect(form.errors.value.callNumber).toBe('The softphone did not show the number: type it.');
    expect(form.customerPrompt.value).toBe(false);
    form.update({ callNumber: '+1 415 555 0177' });
    expect(form.callNumber.value).toBe('+14155550177');
    expect(await form.save()).toBeNull();
    expect(form.customerPrompt.value).toBe(true);
    const saved = await form.save({ withoutCustomer: true });
    expect(saved?.call?.number).toBe('+14155550177');
    expect((await db.tasks.get(log.id))?.call?.number).toBe('+14155550177');
    // Saved once, the number is the call's: saving again sends nothing for it.
    form.update({ notes: 'Called back' });
    expect((await form.save({ withoutCustomer: true }))?.call?.number).toBe('+14155550177');
  });

  it('R3: a number typed into a numberless log attaches the one customer who has it', async () => {
    const ada = await state.createCustomer({ name: 'Ada', phone: '+1 415 555 0177', email: '' });
    const base = callLog(6);
    const log = { ...base, call: base.call && { ...base.call, number: null } };
    await db.tasks.put(log);
    const form = formFor(log);
    await form.ready;
    form.update({ callNumber: '+1 (415) 555-0177' });
    const saved = await form.save();
    expect(form.customerPrompt.value).toBe(false);
    expect(saved?.customerId).toBe(ada.id);
    expect((await db.tasks.get(log.id))?.customerId).toBe(ada.id);
  });

  it('R3, R4: a typed number several customers share offers them first in the prompt', async () => {
    const bo = await state.createCustomer({ name: 'Bo', phone: '+14155550188', email: '' });
    const al = await state.createCustomer({ name: 'Al', phone: '+14155550188', email: '' });
    const base = callLog(7);
    const log = { ...base, call: base.call && { ...base.call, number: null } };
    await db.tasks.put(log);
    const form = formFor(log);
    await form.ready;
    form.update({ callNumber: '+1 415 555 0188' });
    expect(await form.save()).toBeNull();
    expect(form.customerPrompt.value).toBe(true);
    expect(form.typedNumberCallers.value).toEqual([al.id, bo.id]);
    expect((await db.tasks.get(log.id))?.customerId).toBeNull();
  });

  it('R4: a customer created from the picker is stored with its number as E.164', async () => {
    const customer = await state.createCustomer({
      name: 'Alan Turing',
      phone: '+44 20 7183 8750',
      email: '',
    });
    expect(customer.phones).toEqual(['+442071838750']);
    expect((await state.searchCustomers('alan')).map((found) => found.id)).toEqual([customer.id]);
    await expect(
      state.createCustomer({ name: ' ', phone: '', email: 'nope' }),
    ).rejects.toMatchObject({
      issues: expect.arrayContaining([
        { path: 'name', message: 'Name is required.' },
        { path: 'email', message: 'Must be an email address.' },
      ]),
    });
    await expect(
      state.createCustomer({ name: 'Joan', phone: 'not a phone', email: '' }),
    ).rejects.toMatchObject({
      issues: [{ path: 'phone', message: 'Not a valid phone number; include the country code.' }],
    });
  });

  it("R5: codes the softphone adds while the agent types survive the agent's save", async () => {
    const log = callLog(8, { customerId: makeTask(0).id });
    await db.tasks.put(log);
    const form = formFor(log);
    await form.ready;
    form.update({ notes: 'Typed during wrap-up' });
    const wrapped = await saveTaskEdit(
      db,
      log.id,
      { transactionCodes: ['SALE'] },
      { actorId: AGENT, now: '2026-11-29T10:00:01.000Z', source: 'system' },
    );
    form.storedChanged(wrapped);
    expect(form.values.value.transactionCodes).toEqual(['SALE']);
    const saved = await form.save();
    expect(saved).toMatchObject({ notes: 'Typed during wrap-up', transactionCodes: ['SALE'] });
  });

  it('R9 R10: a new task for a customer is saved as theirs and opened', async () => {
    const form = createTaskFormState({
      app: state,
      task: null,
      customerId: makeTask(0).id,
      definitions: [],
      settings: state.settings.value,
    });
    await form.ready;
    form.setKind('meeting');
    form.update({ subject: 'Visit the branch' });
    const saved = await form.save();
    expect(saved).toMatchObject({ kind: 'meeting', origin: 'manual', customerId: makeTask(0).id });
    expect(state.route.value).toEqual({ screen: 'task', taskId: saved?.id });
  });

  it('R10: a task started from a web page keeps the page as its reference', async () => {
    state.newTask(null, { reference: { title: 'Order 7781', url: 'https://crm.example/o/7781' } });
    const route = state.route.value;
    if (route.screen !== 'new') throw new Error('no new task form');
    const form = createTaskFormState({
      app: state,
      task: null,
      reference: route.reference,
      definitions: [],
      settings: state.settings.value,
    });
    await form.ready;
    form.update({ subject: 'Check order 7781' });
    const saved = await form.save();
    expect(saved?.reference).toEqual({ title: 'Order 7781', url: 'https://crm.example/o/7781' });
  });

  it('R17: Delete asks; for a parent with clones the question counts them', async () => {
    const parent = makeTask(5, { number: 41 });
    await db.tasks.put(parent);
    state.open(parent.id);
    await state.clone(parent.id);
    state.open(parent.id);
    await until(() => (state.clones.value ?? []).length === 1);
    const form = formFor(parent);
    form.requestDelete();
    expect(form.deleteWarning.value).toBe(1);
    await form.confirmDelete();
    expect((await db.tasks.get(parent.id))?.deletedAt).not.toBeNull();
    expect(state.route.value.screen).toBe('list');
  });

  it('R24: without the edit permission the form is read-only and cannot be switched to edit', async () => {
    await db.users.put({
      id: AGENT,
      name: 'Pat',
      email: 'pat@example.com',
      role: 'agent',
      permissions: ['view'],
      active: true,
    });
    await until(() => !state.can('edit'));
    const form = formFor(makeTask(6));
    expect(form.allowed.value).toBe(false);
    expect(form.mode.value).toBe('view');
    form.edit();
    expect(form.mode.value).toBe('view');
    expect(state.can('clone')).toBe(false);
    expect(state.can('delete')).toBe(false);
  });

  it('new tasks from different pages keep a draft each; saving one leaves the other', async () => {
    const pageForm = (url: string) =>
      createTaskFormState({
        app: state,
        task: null,
        reference: { title: url, url },
        definitions: [],
        settings: state.settings.value,
      });
    const a = pageForm('https://crm.example/t/1');
    await a.ready;
    a.update({ subject: 'About ticket 1' });
    await a.flush();

    const b = pageForm('https://crm.example/t/2');
    await b.ready;
    expect(b.values.value.subject).toBe('');
    expect(b.restored.value).toBe(false);
    b.update({ subject: 'About ticket 2' });
    expect(await b.save()).not.toBeNull();

    const again = pageForm('https://crm.example/t/1');
    await again.ready;
    expect(again.values.value.subject).toBe('About ticket 1');
    expect(again.restored.value).toBe(true);
    // A plain New task keeps the key its drafts were stored under before.
    expect(draftKey(null, null)).toBe('new:none');
    expect(draftKey(null, null, { url: 'https://crm.example/t/1' })).not.toBe('new:none');
  });

  it('a draft read back after the agent typed keeps both: the draft, and what was typed on top', async () => {
    const task = makeTask(9);
    await db.tasks.put(task);
    const key = `task:${task.id}`;
    await drafts.save(key, {
      values: {
        ...formValuesOf(task),
        subject: 'Subject before the crash',
        notes: 'Notes before the crash',
        fields: { tier: 'gold' },
      },
      baseline: formValuesOf(task),
    });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: DraftStore = {
      ...drafts,
      load: (wanted) => {
        const value = drafts.load(wanted);
        return gate.then(() => value);
      },
    };
    const form = createTaskFormState({
      app: { ...state, drafts: slow },
      task,
      definitions: [],
      settings: state.settings.value,
    });
    form.update({ subject: 'Typed while it loaded' });
    form.setField('channel', 'phone');
    release();
    await form.ready;
    expect(form.restored.value).toBe(true);
    expect(form.values.value).toMatchObject({
      subject: 'Typed while it loaded',
      notes: 'Notes before the crash',
      fields: { tier: 'gold', channel: 'phone' },
    });
    await form.flush();
    expect(drafts.entries.get(key)).toMatchObject({
      values: {
        subject: 'Typed while it loaded',
        notes: 'Notes before the crash',
        fields: { tier: 'gold', channel: 'phone' },
      },
    });
  });
});
