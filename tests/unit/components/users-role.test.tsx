// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminScreensApi } from '../../../components/options/admin-api';
import { Users } from '../../../components/options/Users';
import type { User } from '../../../lib/domain/user';
import type { UserChangesInput } from '../../../lib/sync/admin-api';
import { testId } from '../db/fixtures';

const SELF_REFUSAL = 'You cannot deactivate yourself or give up your own administrator role.';

/** The server's users in memory, refusing self-demotion the way PATCH /v1/users/:id does. */
function fakeUsersApi(initial: User[], selfId: string) {
  let stored = [...initial];
  const edits: { id: string; changes: UserChangesInput }[] = [];
  const api: AdminScreensApi['users'] = {
    list: async () => ({ ok: true, value: [...stored] }),
    add: async () => ({ ok: false, message: 'not in this test', fields: {} }),
    edit: async (id, changes) => {
      edits.push({ id, changes });
      if (id === selfId && changes.role === 'agent') {
        return { ok: false, message: SELF_REFUSAL, fields: {} };
      }
      const updated = { ...(stored.find((user) => user.id === id) as User), ...changes };
      stored = stored.map((user) => (user.id === id ? updated : user));
      return { ok: true, value: updated };
    },
  };
  return { api, edits };
}

const user = (n: number, name: string, role: User['role']): User => ({
  id: testId(n),
  name,
  email: `${name.toLowerCase()}@example.com`,
  role,
  permissions: role === 'agent' ? ['view', 'create'] : [],
  active: true,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function until<T>(find: () => T | null | undefined): Promise<T> {
  for (let tries = 0; tries < 100; tries++) {
    const found = find();
    if (found) return found;
    await settle();
  }
  throw new Error('never appeared');
}

describe('the users screen: changing a role', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const rowOf = (id: string) => root.querySelector(`[data-user-id="${id}"]`) as HTMLElement;
  const button = (row: HTMLElement, label: string) =>
    row.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement;

  it('R24: makes an agent an administrator and back, the row following the server', async () => {
    const admin = user(1, 'Ada', 'administrator');
    const bo = user(2, 'Bo', 'agent');
    const { api, edits } = fakeUsersApi([admin, bo], admin.id);
    render(<Users api={api} selfId={admin.id} />, root);
    await until(() => rowOf(bo.id));
    button(rowOf(bo.id), 'Make administrator: Bo').click();
    await settle();
    expect(edits).toEqual([{ id: bo.id, changes: { role: 'administrator' } }]);
    expect(rowOf(bo.id).textContent).toContain('Administrator');
    expect(rowOf(bo.id).querySelector('fieldset')).toBeNull();
    expect(root.querySelector('output')?.textContent).toBe('Bo: role changed to Administrator.');
    button(rowOf(bo.id), 'Make agent: Bo').click();
    await settle();
    expect(edits[1]).toEqual({ id: bo.id, changes: { role: 'agent' } });
    expect(rowOf(bo.id).querySelector('fieldset legend')?.textContent).toContain('Bo');
  });

  it('shows the server’s refusal when administrators try to give up their own role', async () => {
    const admin = user(1, 'Ada', 'administrator');
    const { api } = fakeUsersApi([admin], admin.id);
    render(<Users api={api} selfId={admin.id} />, root);
    await until(() => rowOf(admin.id));
    button(rowOf(admin.id), 'Make agent: Ada').click();
    await settle();
    expect(rowOf(admin.id).querySelector('[role="alert"]')?.textContent).toBe(SELF_REFUSAL);
    expect(rowOf(admin.id).textContent).toContain('Administrator');
  });
});
