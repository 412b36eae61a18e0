import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Task } from '../lib/domain/task';
import { ValidationError } from '../lib/domain/validation-error';
import { formatDateTime, formatDuration, formatTaskNumber } from '../lib/i18n/format';
import { t } from '../lib/i18n/translate';
import { useAppState } from './app-context';
import { TaskHistory } from './TaskHistory';

/** One task: the call's facts read-only, the agent's subject and notes editable. */
export function TaskForm({ task }: { task: Task }) {
  const state = useAppState();
  const subject = useSignal(task.subject);
  const notes = useSignal(task.notes);
  const status = useSignal<'idle' | 'saving' | 'saved'>('idle');
  const errors = useSignal<Record<string, string>>({});
  const formError = useSignal<string | null>(null);
  const notesRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => notesRef.current?.focus(), []);

  const save = async (event: Event) => {
    event.preventDefault();
    status.value = 'saving';
    errors.value = {};
    formError.value = null;
    try {
      await state.save(task.id, { subject: subject.value, notes: notes.value });
      status.value = 'saved';
    } catch (error) {
      // Whatever was typed stays in the form, so the agent can fix it and save again.
      status.value = 'idle';
      if (error instanceof ValidationError) {
        errors.value = Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
      } else {
        formError.value = t('saveFailed', {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };

  const call = task.call;
  return (
    <form class="task-form" onSubmit={save} aria-labelledby="task-heading" data-testid="task-form">
      <div class="form-header">
        <button type="button" class="link-button" onClick={() => state.close()}>
          ← {t('back')}
        </button>
        <h2 id="task-heading">
          <span data-testid="task-number">{formatTaskNumber(task.number)}</span> ·{' '}
          {t(`kind_${task.kind}`)}
        </h2>
      </div>
      {call && (
        <dl class="call-facts">
          <dt>{t('fieldPhone')}</dt>
          <dd data-field="number">{call.number ?? t('none')}</dd>
          <dt>{t('fieldCaller')}</dt>
          <dd data-field="caller">{call.callerName ?? t('none')}</dd>
          <dt>{t('fieldStarted')}</dt>
          <dd data-field="started">{formatDateTime(call.startedAt)}</dd>
          <dt>{t('fieldEnded')}</dt>
          <dd data-field="ended">{formatDateTime(call.endedAt)}</dd>
          <dt>{t('fieldDuration')}</dt>
          <dd data-field="duration">{formatDuration(call.durationSeconds)}</dd>
          <dt>{t('fieldTransactionId')}</dt>
          <dd data-field="transaction-id">{task.transactionId ?? t('none')}</dd>
          <dt>{t('fieldCodes')}</dt>
          <dd data-field="codes">{task.transactionCodes.join(', ') || t('none')}</dd>
        </dl>
      )}
      <label class="field">
        <span>{t('fieldSubject')}</span>
        <input
          name="subject"
          value={subject.value}
          onInput={(event) => {
            subject.value = event.currentTarget.value;
            status.value = 'idle';
          }}
          aria-invalid={errors.value.subject ? 'true' : undefined}
          aria-describedby={errors.value.subject ? 'subject-error' : undefined}
        />
        {errors.value.subject && (
          <span id="subject-error" class="field-error">
            {errors.value.subject}
          </span>
        )}
      </label>
      <label class="field">
        <span>{t('fieldNotes')}</span>
        <textarea
          name="notes"
          ref={notesRef}
          rows={6}
          value={notes.value}
          onInput={(event) => {
            notes.value = event.currentTarget.value;
            status.value = 'idle';
          }}
          aria-invalid={errors.value.notes ? 'true' : undefined}
          aria-describedby={errors.value.notes ? 'notes-error' : undefined}
        />
        {errors.value.notes && (
          <span id="notes-error" class="field-error">
            {errors.value.notes}
          </span>
        )}
      </label>
      {formError.value && (
        <p role="alert" class="error">
          {formError.value}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={status.value === 'saving'}>
          {status.value === 'saving' ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={() => state.close()}>
          {t('cancel')}
        </button>
        <output aria-live="polite">{status.value === 'saved' ? t('saved') : ''}</output>
      </div>
      <TaskHistory />
    </form>
  );
}
