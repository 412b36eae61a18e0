import type { Task } from '../../lib/domain/task';
import type { TaskKind } from '../../lib/domain/task-kind';
import { formatTaskNumber } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/translate';
import { useAppState } from '../app-context';

/**
 * The task number, and on a clone the link to its parent beside it (R16). Once the parent is
 * deleted the clone names it without a link (R18).
 */
function ParentLink({ task }: { task: Task }) {
  const state = useAppState();
  if (task.parentId === null) {
    if (task.parentNumber === null) return null;
    return (
      <span class="parent-link" data-testid="parent-link">
        {t('clonedFromDeleted', { number: formatTaskNumber(task.parentNumber) })}
      </span>
    );
  }
  const parent = state.parent.value;
  const number = formatTaskNumber(parent?.number ?? task.parentNumber);
  if (parent && parent.deletedAt === null) {
    return (
      <span class="parent-link" data-testid="parent-link">
        {t('clonedFrom')}{' '}
        <button type="button" class="link-button" onClick={() => state.open(parent.id)}>
          {t('parentTask', { number })}
        </button>
      </span>
    );
  }
  return (
    <span class="parent-link" data-testid="parent-link">
      {t('clonedFromDeleted', { number })}
    </span>
  );
}

export function TaskFormHeader({
  task,
  isNew,
  kind,
}: {
  task: Task | null;
  isNew: boolean;
  kind: TaskKind;
}) {
  const state = useAppState();
  return (
    <div class="form-header">
      <button type="button" class="link-button" onClick={() => state.close()}>
        ← {t('goBack')}
      </button>
      <h2 id="task-heading">
        {isNew || !task ? (
          t('newTaskHeading')
        ) : (
          <>
            <span data-testid="task-number">{formatTaskNumber(task.number)}</span> ·{' '}
            {t(`kind_${kind}`)}
          </>
        )}
      </h2>
      {task && !isNew && <ParentLink task={task} />}
    </div>
  );
}
