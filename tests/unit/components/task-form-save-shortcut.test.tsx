// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { AppContext } from '../../../components/app-context';
import type { WrapupDb } from '../../../lib/db/database';
import { catchUpSearchIndex } from '../../../lib/db/search-indexer';
import type { AppState } from '../../../lib/state/app-state';
import { freshDb, makeTask, testId } from '../db/fixtures';
import { loaded, testAppState, until } from '../state/support';

describe('Ctrl+Enter in the task form (happy-dom)', () => {
  let db: WrapupDb;
  let state: AppState;
  let root: HTMLElement;
  const task = makeTask(1, { subject: 'Call about the invoice', fields: {} });

  beforeEach(async () => {
    db = await freshDb();
    ({ state } = testAppState(db));
    await db.tasks.put(task);
    await db.fieldDefinitions.put({
      id: testId(600),
      key: 'order_no',
      label: 'Order number',
      type: 'text',
      required: true,
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
    await until(() => root.querySelector('[name="subject"]') !== null, 5000);
    // Preact runs effects after the next frame; no agent presses a key sooner.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  afterEach(async () => {
    render(null, root);
    root.remove();
    state.dispose();
    await catchUpSearchIndex(db);
    db.close();
  });

  const ctrlEnter = (target: EventTarget) =>
    target.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Enter',
        ctrlKey: true,
        bubbles: true,
        cancelable: true,
      }),
    );
  const formError = () => root.querySelector('[data-testid="form-error"]')?.textContent ?? null;

  it('saves, with the checks, when the focus is on no field at all (as after leaving the To log queue)', async () => {
    expect(formError()).toBeNull();
    ctrlEnter(document.body);
    await until(() => formError() !== null);
    expect(formError()).toBe('Some fields need attention; nothing was saved yet.');
    expect(root.querySelector('#order_no-error, [id$="order_no-error"]')).not.toBeNull();
  });

  it('saves once when pressed inside the form', async () => {
    const input = root.querySelector<HTMLInputElement>('[name="subject"]');
    if (!input) throw new Error('no subject');
    ctrlEnter(input);
    await until(() => formError() !== null);
    expect(root.querySelectorAll('[data-testid="form-error"]')).toHaveLength(1);
  });

  it('leaves another form in the panel alone', async () => {
    const other = document.createElement('form');
    const field = document.createElement('input');
    other.append(field);
    document.body.append(other);
    ctrlEnter(field);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(formError()).toBeNull();
    other.remove();
  });
});
