import { describe, expect, it } from 'vitest';
import { createTask } from '../../../lib/domain/create-task';
import { defineField } from '../../../lib/domain/define-field';
import { editTask } from '../../../lib/domain/edit-task';
import type { FieldDefinition } from '../../../lib/domain/field-definition';
import { updateFieldDefinition } from '../../../lib/domain/update-field-definition';
import { ValidationError } from '../../../lib/domain/validation-error';
import { deepFreeze, definition, onlyTask, testContext } from './support';

function issuesOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('Expected a ValidationError');
}

describe('custom field definitions', () => {
  it('R20: an administrator adds a field; it gets an id, defaults, and goes last', () => {
    const { ctx } = testContext();
    const existing = [definition({ key: 'a', order: 4 })];
    const field = defineField(
      { key: 'contract_end', label: 'Contract end', type: 'date' },
      existing,
      ctx,
    );
    expect(field).toEqual({
      id: expect.any(String),
      key: 'contract_end',
      label: 'Contract end',
      type: 'date',
      required: false,
      options: [],
      defaultValue: null,
      order: 5,
      archived: false,
      appliesTo: [],
    });
  });

  it('R20: labels are at most 32 characters; keys are unique and well formed', () => {
    const { ctx } = testContext();
    const existing = [definition({ key: 'priority', archived: true })];
    expect(
      issuesOf(() =>
        defineField({ key: 'Bad Key', label: 'x'.repeat(33), type: 'text' }, existing, ctx),
      ),
    ).toEqual([
      { path: 'key', message: 'Keys are lower-case letters, digits and underscores.' },
      { path: 'label', message: 'Labels are at most 32 characters.' },
    ]);
    expect(
      issuesOf(() =>
        defineField({ key: 'priority', label: 'Priority', type: 'text' }, existing, ctx),
      ),
    ).toEqual([{ path: 'key', message: 'Another field already uses this key.' }]);
  });

  it('R20: select fields need options, other types have none, and defaults must be valid', () => {
    const { ctx } = testContext();
    expect(issuesOf(() => defineField({ key: 's', label: 'S', type: 'select' }, [], ctx))).toEqual([
      { path: 'options', message: 'Add at least one option.' },
    ]);
    expect(
      issuesOf(() =>
        defineField({ key: 's', label: 'S', type: 'multi_select', options: ['a', 'a'] }, [], ctx),
      ),
    ).toEqual([{ path: 'options', message: 'Each option must appear once.' }]);
    expect(
      issuesOf(() =>
        defineField({ key: 'n', label: 'N', type: 'number', options: ['1'] }, [], ctx),
      ),
    ).toEqual([{ path: 'options', message: 'Only select fields have options.' }]);
    expect(
      issuesOf(() =>
        defineField(
          { key: 's', label: 'Level', type: 'select', options: ['low'], defaultValue: 'mid' },
          [],
          ctx,
        ),
      ),
    ).toEqual([{ path: 'defaultValue', message: 'Level must be one of: low.' }]);
  });

  it("R20: a field's type and key cannot change after it is created", () => {
    const field = definition({ key: 'budget', label: 'Budget', type: 'number' });
    expect(
      issuesOf(() => updateFieldDefinition(field, { type: 'text', key: 'cost' }, [field])),
    ).toEqual([
      { path: 'type', message: "A field's type cannot change after it is created." },
      { path: 'key', message: "A field's key cannot change after it is created." },
    ]);
    expect(updateFieldDefinition(field, { type: 'number', label: 'Budget (€)' }, [field])).toEqual({
      ...field,
      label: 'Budget (€)',
    });
  });

  it('R20: an administrator edits a field: label, options, order, kinds, required, archived', () => {
    const field = deepFreeze(
      definition({ key: 'level', label: 'Level', type: 'select', options: ['low', 'high'] }),
    );
    const updated = updateFieldDefinition(
      field,
      {
        label: 'Urgency',
        options: ['low', 'high', 'critical'],
        order: 9,
        appliesTo: ['call', 'email'],
        required: true,
        archived: true,
      },
      [field],
    );
    expect(updated).toMatchObject({
      id: field.id,
      key: 'level',
      type: 'select',
      label: 'Urgency',
      options: ['low', 'high', 'critical'],
      order: 9,
      appliesTo: ['call', 'email'],
      required: true,
      archived: true,
    });
    expect(field.label).toBe('Level');
    expect(issuesOf(() => updateFieldDefinition(field, { options: [] }, [field]))).toEqual([
      { path: 'options', message: 'Add at least one option.' },
    ]);
  });

  it('R20: an archived field keeps the values old tasks hold, readable and untouched by edits', () => {
    const clock = testContext();
    const field = definition({ key: 'legacy_ref', label: 'Legacy ref', required: true });
    const task = onlyTask(
      createTask({ kind: 'call', subject: 'Old task', fields: { legacy_ref: 'L-77' } }, clock.ctx, {
        definitions: [field],
      }),
    );
    const archived: FieldDefinition = updateFieldDefinition(field, { archived: true }, [field]);
    const edited = onlyTask(
      editTask(task, { notes: 'Still here?' }, clock.ctx, { definitions: [archived] }),
    );
    expect(edited.fields).toEqual({ legacy_ref: 'L-77' });
    const withoutIt = onlyTask(
      editTask({ ...task, fields: {} }, { notes: 'Not required any more' }, clock.ctx, {
        definitions: [archived],
      }),
    );
    expect(withoutIt.notes).toBe('Not required any more');
  });
});
