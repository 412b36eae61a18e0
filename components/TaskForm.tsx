import { Fragment } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { activeFieldsFor } from '../lib/domain/field-values';
import type { Id } from '../lib/domain/ids';
import type { Task } from '../lib/domain/task';
import { MANUAL_TASK_KINDS, TASK_STATUSES, type TaskKind } from '../lib/domain/task-kind';
import { t } from '../lib/i18n/translate';
import type { NewTaskExtras } from '../lib/state/app-state';
import { createTaskFormState, type TaskFormState } from '../lib/state/task-form-state';
import { useAppState } from './app-context';
import { TaskHistory } from './TaskHistory';
import { CallFacts } from './task-form/CallFacts';
import { CallNumberInput } from './task-form/CallNumberInput';
import { CustomerPicker } from './task-form/CustomerPicker';
import { CustomFieldInput } from './task-form/CustomFieldInput';
import { ChangedMark, EditConflictNotice } from './task-form/EditConflictNotice';
import { FieldError, invalidProps } from './task-form/field-error';
import { ReminderSnooze } from './task-form/ReminderSnooze';
import { useSaveShortcut } from './task-form/save-shortcut';
import { TaskActions } from './task-form/TaskActions';
import { TaskFormHeader } from './task-form/TaskFormHeader';
import { TaskView } from './task-form/TaskView';
import { TransactionCodePicker } from './task-form/TransactionCodePicker';

function kindsFor(current: TaskKind): readonly TaskKind[] {
  return (MANUAL_TASK_KINDS as readonly TaskKind[]).includes(current)
    ? MANUAL_TASK_KINDS
    : [...MANUAL_TASK_KINDS, current];
}

/** R4: before a call log is saved without a customer, the agent picks or creates one. */
function CustomerPrompt({ form }: { form: TaskFormState }) {
  const state = useAppState();
  if (!form.customerPrompt.value) return null;
  return (
    <section class="prompt" role="dialog" aria-labelledby="customer-prompt-heading">
      <h3 id="customer-prompt-heading">{t('customerPromptHeading')}</h3>
      <p>{t('customerPromptText')}</p>
      <CustomerPicker
        customerId={form.values.value.customerId}
        callNumber={form.callNumber.value}
        candidates={form.typedNumberCallers.value ?? state.callerCandidates.value ?? []}
        autoFocus
        onSelect={(id) => {
          form.update({ customerId: id });
          if (id) void form.save();
        }}
      />
      <div class="form-actions">
        <button type="button" onClick={() => void form.save({ withoutCustomer: true })}>
          {t('saveWithoutCustomer')}
        </button>
      </div>
    </section>
  );
}

/** The web page the task is about, as text and a plain link (page text is never markup). */
function PageReference({ reference }: { reference: Task['reference'] }) {
  if (!reference) return null;
  return (
    <p class="page-reference" data-testid="page-reference">
      {t('fromPage')}{' '}
      <a href={reference.url} target="_blank" rel="noreferrer noopener">
        {reference.title || reference.url}
      </a>
    </p>
  );
}

function EditFields({
  form,
  task,
  extras,
}: {
  form: TaskFormState;
  task: Task | null;
  extras: NewTaskExtras;
}) {
  const state = useAppState();
  const values = form.values.value;
  const errors = form.errors.value;
  const definitions = activeFieldsFor(state.definitions.value ?? [], values.kind);
  const lead = state.settings.value?.defaultReminderLeadMinutes ?? 5;
  return (
    <>
      {task?.call && task.call.number === null && (
        <CallNumberInput
          value={values.callNumber}
          message={errors.callNumber}
          onInput={(callNumber) => form.update({ callNumber })}
        />
      )}
      <div class="field-row">
        <div class="field">
          <label for="task-kind">{t('fieldKind')}</label>
          <ChangedMark form={form} path="kind" />
          <select
            id="task-kind"
            name="kind"
            value={values.kind}
            onChange={(event) => form.setKind(event.currentTarget.value as TaskKind)}
          >
            {kindsFor(values.kind).map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind_${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {!form.isNew && (
          <div class="field">
            <label for="task-status">{t('fieldStatus')}</label>
            <ChangedMark form={form} path="status" />
            <select
              id="task-status"
              name="status"
              value={values.status}
              disabled={task !== null && !state.can('change_status', task)}
              onChange={(event) =>
                form.update({ status: event.currentTarget.value as typeof values.status })
              }
            >
              {TASK_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status_${status}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div class="field">
        <label for="task-subject">{t('fieldSubject')}</label>
        <ChangedMark form={form} path="subject" />
        <input
          id="task-subject"
          name="subject"
          value={values.subject}
          onInput={(event) => form.update({ subject: event.currentTarget.value })}
          {...invalidProps('subject', errors.subject)}
        />
        <FieldError path="subject" message={errors.subject} />
      </div>
      <div class="field">
        <label for="task-notes">{t('fieldNotes')}</label>
        <ChangedMark form={form} path="notes" />
        <textarea
          id="task-notes"
          name="notes"
          rows={5}
          value={values.notes}
          onInput={(event) => form.update({ notes: event.currentTarget.value })}
          {...invalidProps('notes', errors.notes)}
        />
        <FieldError path="notes" message={errors.notes} />
      </div>
      <ChangedMark form={form} path="customerId" />
      <CustomerPicker
        customerId={values.customerId}
        callNumber={form.callNumber.value}
        candidates={extras.customerCandidates ?? state.callerCandidates.value ?? []}
        prefill={extras.customerPrefill}
        message={errors.customerId}
        onSelect={(id) => form.update({ customerId: id })}
      />
      <div class="field">
        <label for="task-due">{t('fieldDueAt')}</label>
        <ChangedMark form={form} path="dueAt" />
        <input
          id="task-due"
          type="datetime-local"
          name="dueAt"
          value={values.dueAt}
          onInput={(event) => form.update({ dueAt: event.currentTarget.value })}
          {...invalidProps('dueAt', errors.dueAt)}
        />
        <FieldError path="dueAt" message={errors.dueAt} />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="task-scheduled">{t('fieldScheduledAt')}</label>
          <ChangedMark form={form} path="scheduledAt" />
          <input
            id="task-scheduled"
            type="datetime-local"
            name="scheduledAt"
            value={values.scheduledAt}
            onInput={(event) => form.update({ scheduledAt: event.currentTarget.value })}
            {...invalidProps('scheduledAt', errors.scheduledAt)}
          />
          <FieldError path="scheduledAt" message={errors.scheduledAt} />
        </div>
        <div class="field">
          <label for="task-lead">{t('fieldReminderLead')}</label>
          <ChangedMark form={form} path="reminderLeadMinutes" />
          <input
            id="task-lead"
            name="reminderLeadMinutes"
            inputMode="numeric"
            placeholder={t('reminderLeadDefault', { minutes: lead })}
            value={values.reminderLeadMinutes}
            disabled={values.scheduledAt === ''}
            onInput={(event) => form.update({ reminderLeadMinutes: event.currentTarget.value })}
            {...invalidProps('reminderLeadMinutes', errors.reminderLeadMinutes)}
          />
          <FieldError path="reminderLeadMinutes" message={errors.reminderLeadMinutes} />
        </div>
      </div>
      <ChangedMark form={form} path="transactionCodes" />
      <TransactionCodePicker
        selected={values.transactionCodes}
        catalogue={state.codes.value ?? []}
        message={errors.transactionCodes}
        onToggle={(code) => form.toggleCode(code)}
      />
      {definitions.map((definition) => (
        <Fragment key={definition.id}>
          <ChangedMark form={form} path={`fields.${definition.key}`} />
          <CustomFieldInput
            definition={definition}
            value={values.fields[definition.key]}
            message={errors[`fields.${definition.key}`]}
            onChange={(value) => form.setField(definition.key, value)}
          />
        </Fragment>
      ))}
    </>
  );
}

/**
 * One task, stored or new, in view or edit mode (R2): the call's facts, the built-in fields, the
 * administrator's fields, codes and customer; Save, Cancel, Clone and Delete as permitted (R24).
 */
export function TaskForm({
  task,
  customerId = null,
  extras = {},
}: {
  task: Task | null;
  customerId?: Id | null;
  extras?: NewTaskExtras;
}) {
  const state = useAppState();
  const form = useMemo(
    () =>
      createTaskFormState({
        app: state,
        task,
        customerId,
        reference: extras.reference ?? null,
        definitions: state.definitions.value ?? [],
        settings: state.settings.value,
      }),
    [],
  );
  useEffect(() => {
    const flush = () => void form.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      flush();
      form.dispose();
    };
  }, [form]);

  const editing = form.mode.value === 'edit';
  const shown = state.openTask.value ?? task;
  const formRef = useRef<HTMLFormElement>(null);
  const saveNow = useMemo(() => () => void form.save(), [form]);
  useSaveShortcut(formRef, editing, saveNow);
  useEffect(() => {
    if (shown && !form.isNew) form.storedChanged(shown);
  }, [shown]);
  return (
    <form
      class="task-form"
      onSubmit={(event) => {
        event.preventDefault();
        void form.save();
      }}
      ref={formRef}
      onKeyDown={(event) => {
        if (
          event.key === 'Escape' &&
          (form.deleteWarning.value !== null || form.customerPrompt.value)
        ) {
          event.preventDefault();
          form.cancelDelete();
          form.customerPrompt.value = false;
        }
      }}
      aria-labelledby="task-heading"
      data-testid="task-form"
      data-mode={form.mode.value}
      noValidate
    >
      <TaskFormHeader task={shown} isNew={form.isNew} kind={form.values.value.kind} />
      {form.restored.value && (
        <p class="hint" role="status" data-testid="draft-restored">
          {t('draftRestored')}
        </p>
      )}
      <EditConflictNotice form={form} />
      {state.userKnown.value && !form.allowed.value && (
        <p class="hint">{t(form.isNew ? 'readOnlyNoCreate' : 'readOnlyNoEdit')}</p>
      )}
      {shown && <CallFacts task={shown} />}
      <PageReference reference={shown?.reference ?? form.reference} />
      {shown && <ReminderSnooze task={shown} />}
      {editing ? <EditFields form={form} task={shown} extras={extras} /> : <TaskView form={form} />}
      <CustomerPrompt form={form} />
      {form.formError.value && (
        <p role="alert" class="error" data-testid="form-error">
          {form.formError.value}
        </p>
      )}
      <TaskActions form={form} task={shown} />
      {shown && <TaskHistory task={shown} />}
    </form>
  );
}
