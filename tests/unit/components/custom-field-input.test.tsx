// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomFieldInput } from '../../../components/task-form/CustomFieldInput';
import type { FieldDefinition, FieldType } from '../../../lib/domain/field-definition';
import type { FieldValue } from '../../../lib/domain/task';
import { localDateTimeToIso } from '../../../lib/state/local-date-time';
import { testId } from '../db/fixtures';

function definition(type: FieldType, options: string[] = []): FieldDefinition {
  return {
    id: testId(1),
    key: 'extra',
    label: 'Extra',
    type,
    required: true,
    options,
    defaultValue: null,
    order: 1,
    archived: false,
    appliesTo: [],
  };
}

describe('custom fields rendered from their definitions (R20)', () => {
  let root: HTMLElement;
  let changes: FieldValue[];

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    changes = [];
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const show = (field: FieldDefinition, value: FieldValue | undefined, message?: string) =>
    render(
      <CustomFieldInput
        definition={field}
        value={value}
        message={message}
        onChange={(next) => changes.push(next)}
      />,
      root,
    );
  const control = <T extends Element>(selector: string) => {
    const found = root.querySelector<T & Element>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  };
  const type = (element: HTMLInputElement | HTMLTextAreaElement, text: string) => {
    element.value = text;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('text, phone, email, url and date fields are inputs of their HTML type', () => {
    for (const [fieldType, html] of [
      ['text', 'text'],
      ['phone', 'tel'],
      ['email', 'email'],
      ['url', 'url'],
      ['date', 'date'],
    ] as const) {
      show(definition(fieldType), 'x');
      expect(control<HTMLInputElement>('input').type).toBe(html);
    }
    type(control<HTMLInputElement>('input'), '2026-12-01');
    expect(changes.at(-1)).toBe('2026-12-01');
  });

  it('a number keeps what is no number as typed, so validation can say so', () => {
    show(definition('number'), null);
    type(control<HTMLInputElement>('input'), '12.5');
    type(control<HTMLInputElement>('input'), 'lots');
    type(control<HTMLInputElement>('input'), '');
    expect(changes).toEqual([12.5, 'lots', null]);
  });

  it('long text is a text area; date and time is stored as an instant', () => {
    show(definition('long_text'), '');
    type(control<HTMLTextAreaElement>('textarea'), 'Line one');
    show(definition('date_time'), null);
    type(control<HTMLInputElement>('input[type="datetime-local"]'), '2031-03-04T09:30');
    expect(changes).toEqual(['Line one', localDateTimeToIso('2031-03-04T09:30')]);
  });

  it('select, multi-select and checkbox offer the administrator’s options', () => {
    show(definition('select', ['Low', 'High']), 'Low');
    const select = control<HTMLSelectElement>('select');
    expect([...select.options].map((option) => option.value)).toEqual(['', 'Low', 'High']);
    select.value = 'High';
    select.dispatchEvent(new Event('change', { bubbles: true }));

    show(definition('multi_select', ['Email', 'Post']), ['Email']);
    control<HTMLInputElement>('input[value="Post"]').click();

    show(definition('checkbox'), false);
    control<HTMLInputElement>('input[type="checkbox"]').click();
    expect(changes).toEqual(['High', ['Email', 'Post'], true]);
  });

  it('shows its message next to the field and marks it invalid and required', () => {
    show(definition('text'), '', 'Extra is required.');
    const input = control<HTMLInputElement>('input');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-required')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    expect(root.querySelector(`#${describedBy}`)?.textContent).toBe('Extra is required.');
  });
});
