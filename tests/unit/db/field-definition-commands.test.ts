import { beforeEach, describe, expect, it } from 'vitest';
import type { WrapupDb } from '../../../lib/db/database';
import {
  saveFieldArchived,
  saveFieldDefinitionEdit,
  saveFieldOrder,
  saveNewFieldDefinition,
} from '../../../lib/db/field-definition-commands';
import { saveNewTask, saveTaskEdit } from '../../../lib/db/task-commands';
import { PermissionError } from '../../../lib/domain/permission-error';
import { ValidationError } from '../../../lib/domain/validation-error';
import { ADMIN, as, withAdministrator } from './admin-fixtures';
import { AGENT, freshDb } from './fixtures';

let db: WrapupDb;
beforeEach(async () => {
  db = await freshDb();
  await withAdministrator(db);
});

const priority = {
  key: 'priority',
  label: 'Priority',
  type: 'select' as const,
  options: ['low', 'high'],
};

describe('field definition commands', () => {
  it('R20: an administrator adds a field, and task saves are checked against it at once', async () => {
    const field = await saveNewFieldDefinition(
      db,
      { key: 'order_ref', label: 'Order reference', type: 'text', required: true },
      as(ADMIN),
    );

    expect(await db.fieldDefinitions.get(field.id)).toEqual(field);
    expect(field).toMatchObject({ archived: false, order: 0, options: [], appliesTo: [] });
    await expect(
      saveNewTask(db, { kind: 'call', subject: 'No ref' }, as(AGENT, 1)),
    ).rejects.toMatchObject({
      issues: [{ path: 'fields.order_ref', message: 'Order reference is required.' }],
    });
  });

  it('R20: only administrators change custom fields; an agent is refused and nothing is stored', async () => {
    const add = saveNewFieldDefinition(db, priority, as(AGENT));
    await expect(add).rejects.toBeInstanceOf(PermissionError);
    await expect(add).rejects.toMatchObject({ action: 'administer' });
    expect(await db.fieldDefinitions.count()).toBe(0);
  });

  it("R20: a field's label and options change, its type and key never do", async () => {
    const field = await saveNewFieldDefinition(db, priority, as(ADMIN));

    const edited = await saveFieldDefinitionEdit(
      db,
      field.id,
      { label: 'Urgency', options: ['low', 'high', 'critical'] },
      as(ADMIN, 1),
    );
    expect(edited).toMatchObject({ key: 'priority', label: 'Urgency', type: 'select' });
    const retyped = saveFieldDefinitionEdit(db, field.id, { type: 'text' }, as(ADMIN, 2));
    await expect(retyped).rejects.toBeInstanceOf(ValidationError);
    await expect(retyped).rejects.toMatchObject({
      issues: [{ path: 'type', message: "A field's type cannot change after it is created." }],
    });
    expect(await db.fieldDefinitions.get(field.id)).toEqual(edited);
  });

  it('R20: labels are at most 32 characters and keys unique, archived fields included', async () => {
    await expect(
      saveNewFieldDefinition(
        db,
        { key: 'long', label: 'A label far longer than thirty-two characters', type: 'text' },
        as(ADMIN),
      ),
    ).rejects.toMatchObject({
      issues: [{ path: 'label', message: 'Labels are at most 32 characters.' }],
    });
    const field = await saveNewFieldDefinition(db, priority, as(ADMIN));
    await saveFieldArchived(db, field.id, true, as(ADMIN, 1));
    await expect(
      saveNewFieldDefinition(db, { key: 'priority', label: 'Again', type: 'text' }, as(ADMIN, 2)),
    ).rejects.toMatchObject({
      issues: [{ path: 'key', message: 'Another field already uses this key.' }],
    });
  });

  it('R20: an archived field is no longer checked, and old tasks keep its value', async () => {
    const field = await saveNewFieldDefinition(
      db,
      { key: 'budget', label: 'Budget', type: 'number', required: true },
      as(ADMIN),
    );
    const task = await saveNewTask(
      db,
      { kind: 'call', subject: 'Quote', fields: { budget: 100 } },
      as(AGENT, 1),
    );
    await expect(
      saveTaskEdit(db, task.id, { fields: { budget: null } }, as(AGENT, 2)),
    ).rejects.toBeInstanceOf(ValidationError);

    const archived = await saveFieldArchived(db, field.id, true, as(ADMIN, 3));
    expect(archived.archived).toBe(true);
    const later = await saveNewTask(db, { kind: 'call', subject: 'Next' }, as(AGENT, 4));
    expect(later.fields).toEqual({});
    expect((await db.tasks.get(task.id))?.fields).toEqual({ budget: 100 });
  });

  it('R20: fields are put in the order the administrator arranged, the others after', async () => {
    const a = await saveNewFieldDefinition(db, { key: 'a', label: 'A', type: 'text' }, as(ADMIN));
    const b = await saveNewFieldDefinition(db, { key: 'b', label: 'B', type: 'text' }, as(ADMIN));
    const c = await saveNewFieldDefinition(db, { key: 'c', label: 'C', type: 'text' }, as(ADMIN));

    const ordered = await saveFieldOrder(db, [c.id, a.id], as(ADMIN, 1));

    expect(ordered.map((field) => [field.key, field.order])).toEqual([
      ['c', 0],
      ['a', 1],
      ['b', 2],
    ]);
    expect((await db.fieldDefinitions.toArray()).map((field) => [field.key, field.order])).toEqual(
      expect.arrayContaining([
        ['c', 0],
        ['a', 1],
        ['b', 2],
      ]),
    );
    await expect(saveFieldOrder(db, [a.id, a.id], as(ADMIN, 2))).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(b.order).toBe(1);
  });
});
