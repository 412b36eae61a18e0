import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { FieldDefinition } from '../../lib/domain/field-definition';
import { t } from '../../lib/i18n/translate';
import {
  checkFieldForm,
  definitionToForm,
  EMPTY_FIELD_FORM,
  errorsByField,
  type FieldDefinitionForm,
  formToChanges,
  formToDraft,
} from '../../lib/state/field-definition-form';
import type { AdminScreensApi } from './admin-api';
import { FieldDefinitionEditor } from './FieldDefinitionEditor';
import { TaskFormPreview } from './TaskFormPreview';

const byOrder = (a: FieldDefinition, b: FieldDefinition) => a.order - b.order;

/**
 * The administrator's custom task fields (R20): the list in form order, moved with buttons or
 * Alt+Arrow keys, edited, archived and restored; a form to add or edit one; and a preview of
 * the task form with the fields as they stand, the one being typed included.
 */
export function TaskFields({ api }: { api: AdminScreensApi['fields'] }) {
  const list = useSignal<FieldDefinition[] | null>(null);
  const form = useSignal<FieldDefinitionForm>(EMPTY_FIELD_FORM);
  const editing = useSignal<FieldDefinition | null>(null);
  const errors = useSignal<Record<string, string>>({});
  const problem = useSignal('');
  const status = useSignal('');
  const busy = useSignal(false);
  const listRef = useRef<HTMLOListElement>(null);
  const focusAfterMove = useRef<{ id: string; control: string; to: number } | null>(null);

  useEffect(() => {
    void api.list().then((result) => {
      if (result.ok) list.value = result.value;
      else problem.value = result.message;
    });
  }, [api, list, problem]);

  const all = list.value ?? [];
  const active = all.filter((definition) => !definition.archived).sort(byOrder);
  const archived = all.filter((definition) => definition.archived).sort(byOrder);

  // After a move re-renders the list, the focus follows the moved field so the key can be
  // pressed again; a move button that became disabled (top or bottom) hands it to the other.
  useEffect(() => {
    const pending = focusAfterMove.current;
    // An earlier render's effect may run first: wait for the one that shows the field moved.
    if (!pending || active[pending.to]?.id !== pending.id) return;
    focusAfterMove.current = null;
    const row = listRef.current?.querySelector(`[data-field-id="${pending.id}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-control="${pending.control}"]`);
    const other = row?.querySelector<HTMLButtonElement>(
      `[data-control="${pending.control === 'up' ? 'down' : 'up'}"]`,
    );
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  });

  const replace = (definition: FieldDefinition) => {
    list.value = [...all.filter((other) => other.id !== definition.id), definition].sort(byOrder);
  };

  const submit = async () => {
    const check = checkFieldForm(form.value, all, editing.value);
    if (!check.ok) {
      errors.value = check.errors;
      problem.value = t('adminFixFields');
      return;
    }
    busy.value = true;
    const current = editing.value;
    const result = current
      ? await api.edit(current.id, formToChanges(form.value))
      : await api.add(formToDraft(form.value));
    busy.value = false;
    if (!result.ok) {
      errors.value = errorsByField(result.fields);
      problem.value = result.message;
      return;
    }
    replace(result.value);
    errors.value = {};
    problem.value = '';
    form.value = EMPTY_FIELD_FORM;
    editing.value = null;
    status.value = t(current ? 'fieldDefSaved' : 'fieldDefAdded', { label: result.value.label });
  };

  const move = async (definition: FieldDefinition, step: -1 | 1, control: string) => {
    const ids = active.map((field) => field.id);
    const from = ids.indexOf(definition.id);
    const to = from + step;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
    const result = await api.reorder(ids);
    if (!result.ok) {
      problem.value = result.message;
      return;
    }
    focusAfterMove.current = { id: definition.id, control, to };
    list.value = result.value;
    status.value = t('fieldDefMoved', { label: definition.label, position: to + 1 });
  };

  const setArchived = async (definition: FieldDefinition, archivedNow: boolean) => {
    const result = await api.edit(definition.id, { archived: archivedNow });
    if (!result.ok) {
      problem.value = result.message;
      return;
    }
    replace(result.value);
    status.value = t(archivedNow ? 'fieldDefArchived' : 'fieldDefRestored', {
      label: definition.label,
    });
  };

  const startEdit = (definition: FieldDefinition) => {
    editing.value = definition;
    form.value = definitionToForm(definition);
    errors.value = {};
    problem.value = '';
    requestAnimationFrame(() => document.getElementById('field-def-label')?.focus());
  };

  const draftCheck = editing.value === null ? checkFieldForm(form.value, all, null) : null;
  const previewed = editing.value
    ? all.map((definition) => {
        if (definition.id !== editing.value?.id) return definition;
        const check = checkFieldForm(form.value, all, definition);
        return check.ok ? check.definition : definition;
      })
    : draftCheck?.ok && form.value.key !== ''
      ? [...all, draftCheck.definition]
      : all;

  return (
    <section aria-labelledby="task-fields-heading" data-testid="task-fields">
      <h2 id="task-fields-heading">{t('fieldDefsHeading')}</h2>
      <p>{t('fieldDefsIntro')}</p>
      <output aria-live="polite">{status.value}</output>
      {problem.value && (
        <p role="alert" class="error">
          {problem.value}
        </p>
      )}
      {list.value === null && !problem.value && <p>{t('loading')}</p>}
      {list.value !== null && all.length === 0 && <p>{t('fieldDefsEmpty')}</p>}
      <ol class="profiles" ref={listRef} data-testid="field-list">
        {[...active, ...archived].map((definition) => {
          const index = active.indexOf(definition);
          return (
            <li
              key={definition.id}
              data-field-id={definition.id}
              onKeyDown={(event) => {
                if (!event.altKey || definition.archived) return;
                const control = (event.target as HTMLElement).dataset.control ?? 'up';
                if (event.key === 'ArrowUp') {
                  event.preventDefault();
                  void move(definition, -1, control);
                } else if (event.key === 'ArrowDown') {
                  event.preventDefault();
                  void move(definition, 1, control);
                }
              }}
            >
              <div>
                <strong>{definition.label}</strong> <span class="mono">{definition.key}</span>{' '}
                <span class="tag">{t(`fieldType_${definition.type}`)}</span>
                {definition.required && <span class="tag">{t('fieldDefRequiredTag')}</span>}
                {definition.archived && <span class="tag">{t('fieldDefArchivedTag')}</span>}
              </div>
              <div class="actions">
                {!definition.archived && (
                  <>
                    <button
                      type="button"
                      data-control="up"
                      aria-label={t('fieldDefMoveUp', { label: definition.label })}
                      aria-keyshortcuts="Alt+ArrowUp"
                      disabled={index === 0}
                      onClick={() => void move(definition, -1, 'up')}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      data-control="down"
                      aria-label={t('fieldDefMoveDown', { label: definition.label })}
                      aria-keyshortcuts="Alt+ArrowDown"
                      disabled={index === active.length - 1}
                      onClick={() => void move(definition, 1, 'down')}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      data-control="edit"
                      aria-label={t('fieldDefEditNamed', { label: definition.label })}
                      onClick={() => startEdit(definition)}
                    >
                      {t('profileEdit')}
                    </button>
                  </>
                )}
                <button
                  type="button"
                  data-control="archive"
                  onClick={() => void setArchived(definition, !definition.archived)}
                  aria-label={t(
                    definition.archived ? 'fieldDefRestoreNamed' : 'fieldDefArchiveNamed',
                    {
                      label: definition.label,
                    },
                  )}
                >
                  {definition.archived ? t('fieldDefRestore') : t('fieldDefArchive')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <p>
        <small>{t('fieldDefsKeyboardHint')}</small>
      </p>
      <FieldDefinitionEditor
        form={form.value}
        editing={editing.value}
        errors={errors.value}
        busy={busy.value}
        onChange={(changes) => {
          form.value = { ...form.value, ...changes };
        }}
        onSubmit={() => void submit()}
        onCancel={() => {
          editing.value = null;
          form.value = EMPTY_FIELD_FORM;
          errors.value = {};
          problem.value = '';
        }}
      />
      <TaskFormPreview definitions={previewed} />
    </section>
  );
}
