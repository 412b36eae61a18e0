// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { AppContext } from '../../../components/app-context';
import type { WrapupDb } from '../../../lib/db/database';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import type { Task } from '../../../lib/domain/task';
import type { AppState } from '../../../lib/state/app-state';
import { changedPaths } from '../../../lib/state/edit-conflict';
import { formValuesOf } from '../../../lib/state/task-form-values';
import { AGENT, freshDb, makeTask, OTHER_AGENT, testId } from '../db/fixtures';
import { loaded, testAppState, until } from '../state/support';

describe('a task changed underneath its open form (happy-dom)', () => {
  let db: WrapupDb;
  let state: AppState;
  let root: HTMLElement;
  const task = makeTask(1, {
    number: 41,
    subject: 'Call about the invoice',
    notes: 'First notes',
    fields: { order_no: 'A-1' },
  });

  beforeEach(async () => {
    db = await freshDb();
    ({ state } = testAppState(db));
    await db.tasks.put(task);
    await db.users.put({
      id: OTHER_AGENT,
      name: 'Cy Other',
      email: 'cy@acme.example',
      role: 'agent',
      permissions: ['view', 'create', 'edit'],
      active: true,
    });
    await db.fieldDefinitions.put({
      id: testId(600),
      key: 'order_no',
      label: 'Order number',
      type: 'text',
      required: false,
      options: [],
      defaultValue: null,
      order: 1,
      archived: false,
      appliesTo: [],
    });
    await loaded(() => state.settings.value);
    await until(() => state.definitions.value?.length === 1);
    root = document.createElement('div');
    document.body.append(root);
    render(
      <AppContext.Provider value={state}>
        <App />
      </AppContext.Provider>,
      root,
    );
    state.open(task.id);
    await until(() => field('subject') !== null, 5000);
  });

  afterEach(async () => {
    render(null, root);
    root.remove();
    state.dispose();
    await catchUpSearchIndex(db);
    db.close();
  });

  const field = (name: string) =>
    root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
  const type = (name: string, value: string) => {
    const input = field(name);
    if (!input) throw new Error(`no field ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const notice = () => root.querySelector('[data-testid="edit-conflict"]');
  const marked = () =>
    [...root.querySelectorAll<HTMLElement>('[data-changed-path]')].map(
      (m) => m.dataset.changedPath,
    );
  const changeRemotely = (changes: Partial<Task>, by = OTHER_AGENT) =>
    db.tasks.put({
      ...task,
      ...changes,
      version: 2,
      updatedBy: by,
      updatedAt: '2026-11-29T09:55:00.000Z',
    });

  it('lists the form fields whose stored values differ', () => {
    const before = formValuesOf(task);
    const after = formValuesOf({ ...task, subject: 'x', fields: { order_no: 'A-2', extra: 1 } });
    expect(changedPaths(before, after)).toEqual(['subject', 'fields.order_no', 'fields.extra']);
  });

  it('says who changed it and when, marks the changed fields, and keeps everything typed', async () => {
    type('notes', 'Customer will pay on Friday');
    type('subject', 'Invoice: payment promised');
    await changeRemotely({ subject: 'Invoice 77', status: 'in_progress', notes: 'First notes' });
    await until(() => notice() !== null);
    await until(() => notice()?.textContent?.includes('Changed by Cy Other at') === true);
    expect(notice()?.getAttribute('role')).toBe('status');
    expect(notice()?.textContent).toContain('your changes are kept; saving applies them on top');
    expect(marked().sort()).toEqual(['status', 'subject']);
    // What the agent typed stays; what they did not touch follows the store.
    expect(field('subject')?.value).toBe('Invoice: payment promised');
    expect(field('notes')?.value).toBe('Customer will pay on Friday');
    expect((field('status') as unknown as HTMLSelectElement).value).toBe('in_progress');

    root.querySelector<HTMLFormElement>('[data-testid="task-form"]')?.requestSubmit();
    await until(() => root.querySelector('[data-testid="edit-conflict"]') === null);
    const saved = await db.tasks.get(task.id);
    expect(saved).toMatchObject({
      subject: 'Invoice: payment promised',
      notes: 'Customer will pay on Friday',
      status: 'in_progress',
    });
  });

  it('says nothing when there are no unsaved edits, or when the change was the agent’s own', async () => {
    await changeRemotely({ subject: 'Invoice 77' });
    await until(() => field('subject')?.value === 'Invoice 77');
    expect(notice()).toBeNull();

    type('notes', 'Typing');
    await changeRemotely({ subject: 'Invoice 78' }, AGENT);
    await until(() => field('subject')?.value === 'Invoice 78');
    expect(notice()).toBeNull();
    expect(field('notes')?.value).toBe('Typing');
  });

  it('a custom field changed remotely is marked; the notice can be dismissed', async () => {
    type('notes', 'Typing');
    await changeRemotely({ fields: { order_no: 'A-9' } });
    await until(() => notice() !== null);
    expect(marked()).toEqual(['fields.order_no']);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Got it')?.click();
    await until(() => notice() === null);
    expect(marked()).toEqual([]);
    expect(field('notes')?.value).toBe('Typing');
  });
});
