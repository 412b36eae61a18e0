import type { Task } from '../../lib/domain/task';
import { t } from '../../lib/i18n/translate';
import type { TaskFormState } from '../../lib/state/task-form-state';
import { useAppState } from '../app-context';

/** Asks before deleting; a parent with clones gets the permanent-deletion warning (R17). */
function DeleteConfirmation({ form }: { form: TaskFormState }) {
  const clones = form.deleteWarning.value;
  if (clones === null) return null;
  return (
    <div
      class="prompt"
      role="alertdialog"
      aria-labelledby="delete-heading"
      aria-describedby="delete-text"
    >
      <h3 id="delete-heading">{t('deleteHeading')}</h3>
      <p id="delete-text" data-testid="delete-warning">
        {clones > 0 ? t('deleteParentWarning', { count: clones }) : t('deleteWarning')}
      </p>
      <div class="form-actions">
        <button type="button" class="danger" onClick={() => void form.confirmDelete()}>
          {t('deleteConfirm')}
        </button>
        <button type="button" onClick={() => form.cancelDelete()}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/** Save and Cancel while editing; Edit, Clone (R19) and Delete only when permitted (R24). */
export function TaskActions({ form, task }: { form: TaskFormState; task: Task | null }) {
  const state = useAppState();
  const editing = form.mode.value === 'edit';
  const stored = task && !form.isNew && task.deletedAt === null ? task : null;
  return (
    <>
      <div class="form-actions">
        {editing && (
          <button type="submit" class="primary" disabled={form.status.value === 'saving'}>
            {form.status.value === 'saving' ? t('saving') : t('save')}
          </button>
        )}
        {editing && (
          <button type="button" onClick={() => void form.cancel()}>
            {t('cancel')}
          </button>
        )}
        {!editing && form.allowed.value && (
          <button type="button" class="primary" onClick={() => form.edit()}>
            {t('edit')}
          </button>
        )}
        {stored && state.can('clone', stored) && (
          <button type="button" onClick={() => void form.clone()}>
            {t('clone')}
          </button>
        )}
        {stored && state.can('delete', stored) && (
          <button type="button" class="danger" onClick={() => form.requestDelete()}>
            {t('delete')}
          </button>
        )}
        <output aria-live="polite">{form.status.value === 'saved' ? t('saved') : ''}</output>
      </div>
      <DeleteConfirmation form={form} />
    </>
  );
}
