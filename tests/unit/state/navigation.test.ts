import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import type { AppState } from '../../../lib/state/app-state';
import { freshDb, makeTask, testId } from '../db/fixtures';
import { testAppState } from './support';

describe('moving between screens', () => {
  let db: WrapupDb;
  let state: AppState;

  beforeEach(async () => {
    db = await freshDb();
    ({ state } = testAppState(db));
  });
  afterEach(() => {
    state.dispose();
    db.close();
  });

  it('Back returns to the screen each one was opened from', () => {
    const customer = testId(500);
    state.open(makeTask(1).id);
    state.openCustomer(customer);
    state.newTask(customer);
    // Saving the new task opens it in place of the form.
    state.open(makeTask(2).id);
    expect(state.route.value).toEqual({ screen: 'task', taskId: makeTask(2).id });
    state.close();
    expect(state.route.value).toEqual({ screen: 'customer', customerId: customer });
    state.close();
    expect(state.route.value).toEqual({ screen: 'task', taskId: makeTask(1).id });
    state.close();
    expect(state.route.value).toEqual({ screen: 'list' });
    state.close();
    expect(state.route.value).toEqual({ screen: 'list' });
  });

  it('R17: after a delete the agent lands on the list or customer they came from, past tasks', () => {
    const customer = testId(501);
    state.openCustomer(customer);
    state.open(makeTask(1).id);
    state.open(makeTask(2).id);
    state.closeTasks();
    expect(state.route.value).toEqual({ screen: 'customer', customerId: customer });
  });
});
