import { formatDateTime } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/translate';
import type { TaskFormState } from '../../lib/state/task-form-state';

/** Says that someone else changed the task while the agent was editing it; nothing is lost. */
export function EditConflictNotice({ form }: { form: TaskFormState }) {
  const conflict = form.conflict.value;
  if (!conflict) return null;
  return (
    <div class="edit-conflict" role="status" data-testid="edit-conflict">
      <p>
        {t('conflictNotice', {
          name: conflict.byName ?? t('someone'),
          time: formatDateTime(conflict.at),
        })}
      </p>
      <button type="button" class="link-button" onClick={() => form.dismissConflict()}>
        {t('conflictDismiss')}
      </button>
    </div>
  );
}

/** Beside a field whose stored value changed under the agent's edits. */
export function ChangedMark({ form, path }: { form: TaskFormState; path: string }) {
  if (!form.conflict.value?.paths.includes(path)) return null;
  return (
    <span class="field-changed-remotely" data-changed-path={path}>
      {t('conflictFieldChanged')}
    </span>
  );
}
