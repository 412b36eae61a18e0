import { describe, expect, it } from 'vitest';
import { localAgent } from '../../../lib/domain/local-agent';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import { TASK_KINDS } from '../../../lib/domain/task-kind';
import { LOCAL_AGENT_PERMISSIONS, panelUser } from '../../../lib/state/panel-user';
import { createTaskFormState } from '../../../lib/state/task-form-state';
import { LIST_KINDS } from '../../../lib/state/task-kinds';
import { AGENT, freshDb, makeTask } from '../db/fixtures';
import { testAppState, until } from './support';

describe('what the first render restates to stay small', () => {
  it('R22: the kind filter offers every task kind', () => {
    expect([...LIST_KINDS]).toEqual([...TASK_KINDS]);
  });
});

describe('the panel user', () => {
  it('R24: until the store answers nobody is known, so nothing is offered', () => {
    expect(panelUser(AGENT, undefined)).toBeNull();
  });

  it('R24: without a record (signed out) the panel offers what the store lets the local agent do', () => {
    expect(panelUser(AGENT, null)).toEqual(localAgent(AGENT));
    expect([...LOCAL_AGENT_PERMISSIONS]).toEqual(localAgent(AGENT).permissions);
  });

  it('R24: the stored user record wins once it is there', () => {
    const stored = { ...localAgent(AGENT), permissions: ['view' as const] };
    expect(panelUser(AGENT, stored)).toBe(stored);
  });
});

const viewOnly = {
  id: AGENT,
  name: 'Pat',
  email: 'pat@example.com',
  role: 'agent' as const,
  permissions: ['view' as const],
  active: true,
};

describe('the panel before the agent’s record is read (R24)', () => {
  it('a view-only agent is never offered create, edit, delete, clone or status changes', async () => {
    const db = await freshDb();
    await db.users.put(viewOnly);
    const { state } = testAppState(db);
    const offered = () =>
      (['create', 'edit', 'delete', 'clone', 'change_status'] as const).filter((action) =>
        state.can(action, makeTask(1)),
      );
    expect(state.userKnown.value).toBe(false);
    expect(offered()).toEqual([]);
    await until(() => state.userKnown.value);
    expect(offered()).toEqual([]);
    state.dispose();
    db.close();
  });

  it('signed out, the local agent may do everything once the store says there is no record', async () => {
    const db = await freshDb();
    const { state } = testAppState(db);
    expect(state.can('create')).toBe(false);
    const form = createTaskFormState({
      app: state,
      task: null,
      definitions: [],
      settings: DEFAULT_SETTINGS,
    });
    expect(form.mode.value).toBe('view');
    await until(() => state.userKnown.value);
    expect(state.can('create')).toBe(true);
    expect(state.can('clone', makeTask(1))).toBe(true);
    expect(form.mode.value).toBe('edit');
    form.dispose();
    state.dispose();
    db.close();
  });

  it('a form opened meanwhile waits read-only, then opens for editing with the restored draft', async () => {
    const db = await freshDb();
    const task = makeTask(2);
    await db.tasks.put(task);
    const { state, drafts } = testAppState(db);
    await drafts.save(`task:${task.id}`, {
      values: { subject: 'Typed before the crash' },
    });
    const form = createTaskFormState({
      app: state,
      task,
      definitions: [],
      settings: DEFAULT_SETTINGS,
    });
    expect(form.mode.value).toBe('view');
    expect(form.allowed.value).toBe(false);
    await form.ready;
    await until(() => state.userKnown.value);
    expect(form.allowed.value).toBe(true);
    expect(form.mode.value).toBe('edit');
    expect(form.values.value.subject).toBe('Typed before the crash');
    form.dispose();
    state.dispose();
    db.close();
  });

  it('a form opened meanwhile for a view-only agent stays read-only', async () => {
    const db = await freshDb();
    await db.users.put(viewOnly);
    const { state } = testAppState(db);
    const form = createTaskFormState({
      app: state,
      task: null,
      definitions: [],
      settings: DEFAULT_SETTINGS,
    });
    await until(() => state.userKnown.value);
    expect(form.mode.value).toBe('view');
    form.edit();
    expect(form.mode.value).toBe('view');
    form.dispose();
    state.dispose();
    db.close();
  });
});
