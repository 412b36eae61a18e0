// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminScreensApi } from '../../../components/options/admin-api';
import { TaskFields } from '../../../components/options/TaskFields';
import { defineField } from '../../../lib/domain/define-field';
import type { FieldDefinition } from '../../../lib/domain/field-definition';
import { reorderFields } from '../../../lib/domain/reorder-fields';
import { updateFieldDefinition } from '../../../lib/domain/update-field-definition';
import { testId } from '../db/fixtures';

/** A server in memory with the domain's rules; every request is recorded. */
function fakeFieldsApi(initial: FieldDefinition[]) {
  let stored = [...initial];
  let next = 100;
  const requests: { name: string; args: unknown[] }[] = [];
  const api: AdminScreensApi['fields'] = {
    list: async () => ({ ok: true, value: [...stored] }),
    add: async (draft) => {
      requests.push({ name: 'add', args: [draft] });
      if (draft.key === 'taken_on_server') {
        return {
          ok: false,
          message: 'Some values are not valid.',
          fields: { key: 'Another field already uses this key.' },
        };
      }
      const definition = defineField(draft, stored, { newId: () => testId(next++) });
      stored = [...stored, definition];
      return { ok: true, value: definition };
    },
    edit: async (id, changes) => {
      requests.push({ name: 'edit', args: [id, changes] });
      const current = stored.find((definition) => definition.id === id) as FieldDefinition;
      const updated = updateFieldDefinition(current, changes, stored);
      stored = stored.map((definition) => (definition.id === id ? updated : definition));
      return { ok: true, value: updated };
    },
    reorder: async (orderedIds) => {
      requests.push({ name: 'reorder', args: [orderedIds] });
      const moved = new Map(reorderFields(stored, orderedIds).map((d) => [d.id, d]));
      stored = stored.map((definition) => moved.get(definition.id) ?? definition);
      return { ok: true, value: [...stored].sort((a, b) => a.order - b.order) };
    },
  };
  return { api, requests };
}

const field = (n: number, key: string, label: string, order: number): FieldDefinition => ({
  id: testId(n),
  key,
  label,
  type: 'text',
  required: false,
  options: [],
  defaultValue: null,
  order,
  archived: false,
  appliesTo: [],
});

const until = async (check: () => boolean) => {
  for (let tries = 0; tries < 100 && !check(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(check()).toBe(true);
};

describe('task fields screen (R20)', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const text = () => root.textContent ?? '';
  const listed = () =>
    [...root.querySelectorAll('[data-testid="field-list"] li strong')].map((e) => e.textContent);
  const control = <T extends Element>(selector: string) => {
    const found = root.querySelector<T & Element>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  };
  const type = (selector: string, value: string) => {
    const input = control<HTMLInputElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const choose = (selector: string, value: string) => {
    const select = control<HTMLSelectElement>(selector);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const submitEditor = () =>
    control<HTMLFormElement>('form[aria-label^="Add field"], form[aria-label^="Edit field"]')
      .querySelector<HTMLButtonElement>('button[type="submit"]')
      ?.click();

  const fields = [field(1, 'order_number', 'Order number', 0), field(2, 'channel', 'Channel', 1)];

  it('lists the fields in order; editing keeps the key and type fixed and sends neither', async () => {
    const { api, requests } = fakeFieldsApi(fields);
    render(<TaskFields api={api} />, root);
    await until(() => listed().length === 2);
    expect(listed()).toEqual(['Order number', 'Channel']);

    control<HTMLButtonElement>('button[aria-label="Edit Channel"]').click();
    await until(() => text().includes('Edit field "Channel"'));
    expect(control<HTMLSelectElement>('#field-def-type').disabled).toBe(true);
    expect(control<HTMLInputElement>('#field-def-key').readOnly).toBe(true);
    expect(text()).toContain('The type cannot change once the field exists.');

    type('#field-def-label', 'Contact channel');
    submitEditor();
    await until(() => listed().includes('Contact channel'));
    const edit = requests.find((request) => request.name === 'edit');
    expect(edit?.args[0]).toBe(testId(2));
    expect(edit?.args[1]).not.toHaveProperty('type');
    expect(edit?.args[1]).not.toHaveProperty('key');
    expect(control<HTMLSelectElement>('#field-def-type').disabled).toBe(false);
  });

  it('shows validation errors beside the fields: its own checks first, then the server’s', async () => {
    const { api, requests } = fakeFieldsApi(fields);
    render(<TaskFields api={api} />, root);
    await until(() => listed().length === 2);

    type('#field-def-key', 'Bad Key');
    choose('#field-def-type', 'select');
    submitEditor();
    await until(() => root.querySelector('#field-def-key[aria-invalid="true"]') !== null);
    expect(text()).toContain('Keys are lower-case letters, digits and underscores.');
    expect(control('#field-def-label').getAttribute('aria-invalid')).toBe('true');
    expect(control('[role="alert"]').textContent).toContain('Some values need fixing');
    expect(requests).toEqual([]);
    expect(control<HTMLInputElement>('#field-def-key').value).toBe('Bad Key');

    type('#field-def-key', 'taken_on_server');
    type('#field-def-label', 'Taken');
    choose('#field-def-type', 'text');
    submitEditor();
    await until(() => text().includes('Another field already uses this key.'));
    expect(control('#field-def-key').getAttribute('aria-describedby')).toBe('field-def-key-error');
    expect(control<HTMLInputElement>('#field-def-label').value).toBe('Taken');
  });

  it('moves a field with Alt+ArrowDown and keeps the focus on it', async () => {
    const { api, requests } = fakeFieldsApi(fields);
    render(<TaskFields api={api} />, root);
    await until(() => listed().length === 2);
    const down = control<HTMLButtonElement>('button[aria-label="Move Order number down"]');
    down.focus();
    down.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }),
    );
    await until(() => listed()[0] === 'Channel');
    expect(requests).toEqual([{ name: 'reorder', args: [[testId(2), testId(1)]] }]);
    expect(text()).toContain('"Order number" is now field 2.');
    // At the bottom its Move down is disabled, so the focus stays on the field's Move up.
    await until(
      () => document.activeElement?.getAttribute('aria-label') === 'Move Order number up',
    );
    expect(control<HTMLButtonElement>('button[aria-label="Move Order number down"]').disabled).toBe(
      true,
    );
  });

  it('previews the task form with the field being typed and checks it as a save would', async () => {
    const { api } = fakeFieldsApi([]);
    render(<TaskFields api={api} />, root);
    await until(() => text().includes('No custom fields yet.'));
    type('#field-def-key', 'policy');
    type('#field-def-label', 'Policy number');
    control<HTMLInputElement>('input[name="required"]').click();
    await until(() => root.querySelector('[data-testid="field-preview"] #field-policy') !== null);
    control<HTMLFormElement>('[data-testid="field-preview"]')
      .querySelector<HTMLButtonElement>('button[type="submit"]')
      ?.click();
    await until(() => text().includes('Policy number is required.'));
  });
});
