import { computed, effect, signal } from '@preact/signals';
import type { FieldDefinition } from '../domain/field-definition';
import type { Id } from '../domain/ids';
import { PermissionError } from '../domain/permission-error';
import { normalizePhone } from '../domain/phone';
import type { Settings } from '../domain/settings';
import type { FieldValue, Task } from '../domain/task';
import type { TaskKind } from '../domain/task-kind';
import { type FieldIssue, ValidationError } from '../domain/validation-error';
import { t } from '../i18n/translate';
import type { AppState } from './app-state';
import { changedPaths, type EditConflict, joinConflicts } from './edit-conflict';
import {
  blankFormValues,
  changesFrom,
  draftFrom,
  formIssues,
  formValuesOf,
  rebaseFormValues,
  type TaskFormValues,
} from './task-form-values';
import { type FormPath, overlayTouched, pathsOf } from './touched-fields';

/** How long typing pauses before the draft is written; short, so a closed panel loses little. */
const DRAFT_DELAY_MS = 250;

export type FormMode = 'view' | 'edit';

interface StoredDraft {
  values: TaskFormValues;
  /**
   * The stored values the draft's edits were made against: a change stored since (a sync while
   * the panel was closed) then joins the draft instead of being overwritten by its stale copy.
   */
  baseline?: TaskFormValues;
}

function isStoredDraft(value: unknown): value is StoredDraft {
  return typeof value === 'object' && value !== null && 'values' in value;
}

function issuesByPath(issues: readonly FieldIssue[]): Record<string, string> {
  return Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
}

/**
 * Where a form's unsaved input is kept: per task, and for a new task per customer and, when it
 * was started from a web page, per page, so two pages' unsaved tasks never share one draft.
 */
export function draftKey(
  task: Task | null,
  customerId: Id | null,
  reference: { url: string } | null = null,
): string {
  if (task) return `task:${task.id}`;
  const key = `new:${customerId ?? 'none'}`;
  return reference ? `${key}:page:${reference.url}` : key;
}

/**
 * The mode a task opens in (R2): a call log the system made (campaign calls too) opens as the
 * contact center's settings say; other tasks open for editing. Without the edit permission (or
 * create, for a new task) the form is read-only (R24).
 */
export function initialMode(
  task: Task | null,
  settings: Settings | undefined,
  allowed: boolean,
): FormMode {
  if (!allowed) return 'view';
  if (task && (task.origin === 'system' || task.origin === 'campaign') && task.call !== null) {
    return settings?.callLogOpensIn ?? 'edit';
  }
  return 'edit';
}

export interface TaskFormDeps {
  app: AppState;
  /** The stored task, or null for a new one. */
  task: Task | null;
  /** A new task's customer (R10). */
  customerId?: Id | null;
  /** A new task's web page, when it was started from one. */
  reference?: { title: string; url: string } | null;
  definitions: readonly FieldDefinition[];
  settings: Settings | undefined;
}

/**
 * One open task form: the values as typed, their messages, and what Save, Cancel, Clone and
 * Delete do. Every change is kept as a draft until saved or cancelled.
 */
export function createTaskFormState({
  app,
  task,
  customerId = null,
  reference = null,
  definitions,
  settings,
}: TaskFormDeps) {
  const isNew = task === null;
  /** Whether the agent may change this form (R24); false while their permissions are unknown. */
  const allowed = computed(() => (task === null ? app.can('create') : app.can('edit', task)));
  /** A new task's reminder lead: the agent's own once read, else empty (the contact center's). */
  let preferredLead = '';
  const base = (): TaskFormValues => {
    if (task === null) {
      return {
        ...blankFormValues('call', customerId, definitions),
        reminderLeadMinutes: preferredLead,
      };
    }
    return formValuesOf(task);
  };
  const values = signal<TaskFormValues>(base());
  /** The stored values the agent's edits are measured against (R25 records only real changes). */
  let baseline = base();
  const mode = signal<FormMode>(initialMode(task, settings, allowed.peek()));
  const errors = signal<Record<string, string>>({});
  const formError = signal<string | null>(null);
  const status = signal<'idle' | 'saving' | 'saved'>(
    task !== null && app.justCreated.peek() === task.id ? 'saved' : 'idle',
  );
  const restored = signal(false);
  /** R4: a call log saved without a customer asks for one first. */
  const customerPrompt = signal(false);
  /**
   * The customers with the number the agent typed into a log the softphone gave none (R3, R4):
   * offered first in the prompt. Null while no typed number was looked up.
   */
  const typedNumberCallers = signal<Id[] | null>(null);
  /** While Delete asks for confirmation: the task's number of clones (R17 warns when > 0). */
  const deleteWarning = signal<number | null>(null);
  /** The task changed under the agent's unsaved edits: who, when, and which fields. */
  const conflict = signal<EditConflict | null>(null);
  /** The call's number: the softphone's, else the one the agent typed, once it is a number. */
  const callNumber = computed(
    () => task?.call?.number ?? normalizePhone(values.value.callNumber) ?? null,
  );
  const key = draftKey(task, customerId, reference);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  /** What the agent changed since the form opened: it stays on top of a draft read back late. */
  const touched = new Set<FormPath>();

  const writeDraft = async () => {
    pending = false;
    await app.drafts.save(key, { values: values.value, baseline } satisfies StoredDraft);
  };

  const changed = () => {
    status.value = 'idle';
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(() => void writeDraft(), DRAFT_DELAY_MS);
  };

  /** Remembers what the agent changed, so a draft read back later goes under it. */
  const typed = (paths: readonly FormPath[]) => {
    for (const path of paths) touched.add(path);
    changed();
  };

  /** Someone else's stored change under the agent's edits: said, with its fields marked. */
  const noteForeignChange = (stored: Task, before: TaskFormValues, after: TaskFormValues) => {
    if (stored.updatedBy === app.agentId) return;
    const paths = changedPaths(before, after);
    if (paths.length === 0) return;
    const byId = stored.updatedBy;
    conflict.value = joinConflicts(conflict.value, {
      byId,
      byName: null,
      at: stored.updatedAt,
      paths,
    });
    void app.userName(byId).then((byName) => {
      if (byName && conflict.value?.byId === byId) conflict.value = { ...conflict.value, byName };
    });
  };

  const ready = (async () => {
    if (isNew) {
      const lead = await app.preferredReminderLead().catch(() => null);
      if (lead !== null) {
        const untouched = values.value.reminderLeadMinutes === preferredLead;
        preferredLead = String(lead);
        baseline = base();
        // The stored task then carries the agent's lead itself, not the contact center's.
        if (untouched) values.value = { ...values.value, reminderLeadMinutes: preferredLead };
      }
    }
    const stored = await app.drafts.load(key);
    if (isStoredDraft(stored)) {
      let drafted = { ...base(), ...stored.values };
      if (task && stored.baseline) {
        const draftBase = { ...base(), ...stored.baseline };
        noteForeignChange(task, draftBase, baseline);
        drafted = rebaseFormValues(drafted, draftBase, baseline);
      }
      values.value = overlayTouched(drafted, values.value, touched);
      restored.value = true;
      // Typed before the draft was read: the stored draft now holds both.
      if (touched.size > 0) changed();
      if (allowed.peek()) mode.value = 'edit';
    }
  })();

  /**
   * A form opened before the store said who the agent is waits read-only; once it has, the form
   * opens as their permissions allow, with whatever it holds kept.
   */
  let awaitingUser = !app.userKnown.peek();
  const stopAwaitingUser = effect(() => {
    if (!app.userKnown.value || !awaitingUser) return;
    awaitingUser = false;
    if (allowed.peek()) mode.value = restored.peek() ? 'edit' : initialMode(task, settings, true);
  });

  const dropDraft = async () => {
    clearTimeout(timer);
    pending = false;
    restored.value = false;
    await app.drafts.remove(key);
  };

  const showError = (error: unknown) => {
    if (error instanceof ValidationError) {
      errors.value = issuesByPath(error.issues);
      formError.value = t('fixFields');
    } else if (error instanceof PermissionError) {
      formError.value = error.message;
    } else {
      formError.value = t('saveFailed', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const save = async (options: { withoutCustomer?: boolean } = {}): Promise<Task | null> => {
    errors.value = {};
    formError.value = null;
    const codesRequired = Boolean(settings?.codesRequiredOnCallLogs && task?.call);
    // A call seen through WebRTC alone has no number until the agent types it (R1, R3).
    const callNumberMissing = task?.call != null && task.call.number === null;
    const issues = formIssues(values.value, definitions, { codesRequired, callNumberMissing });
    if (issues.length > 0) {
      errors.value = issuesByPath(issues);
      formError.value = t('fixFields');
      return null;
    }
    if (task?.call && values.value.customerId === null && !options.withoutCustomer) {
      const typed = callNumberMissing ? callNumber.value : null;
      const callers = typed ? await app.customersWithNumber(typed) : [];
      typedNumberCallers.value = typed ? callers : null;
      // R3 holds for a number the agent typed as for one the softphone showed.
      const [only] = callers;
      if (callers.length === 1 && only) {
        values.value = { ...values.value, customerId: only };
      } else {
        customerPrompt.value = true;
        return null;
      }
    }
    customerPrompt.value = false;
    status.value = 'saving';
    try {
      const saved = isNew
        ? await app.create(draftFrom(values.value, reference))
        : await app.save(task.id, changesFrom(values.value, baseline));
      if (!isNew) baseline = formValuesOf(saved);
      conflict.value = null;
      await dropDraft();
      status.value = 'saved';
      if (isNew) app.open(saved.id);
      return saved;
    } catch (error) {
      // Whatever was typed stays in the form (and its draft), so the agent can fix it and save.
      status.value = 'idle';
      showError(error);
      return null;
    }
  };

  return {
    task,
    isNew,
    reference,
    allowed,
    values,
    mode,
    errors,
    formError,
    status,
    restored,
    customerPrompt,
    typedNumberCallers,
    deleteWarning,
    conflict,
    callNumber,
    ready,
    update(patch: Partial<TaskFormValues>) {
      const before = values.value;
      values.value = { ...before, ...patch };
      // Custom fields a patch leaves out of a new `fields` are changed too: they are gone.
      typed(
        patch.fields ? [...pathsOf(patch), ...pathsOf({ fields: before.fields })] : pathsOf(patch),
      );
    },
    setKind(kind: TaskKind) {
      values.value = { ...values.value, kind };
      typed(['kind']);
    },
    setField(fieldKey: string, value: FieldValue) {
      values.value = { ...values.value, fields: { ...values.value.fields, [fieldKey]: value } };
      typed([`fields.${fieldKey}`]);
    },
    toggleCode(code: string) {
      const current = values.value.transactionCodes;
      const next = current.includes(code)
        ? current.filter((entry) => entry !== code)
        : [...current, code];
      values.value = { ...values.value, transactionCodes: next };
      typed(['transactionCodes']);
    },
    /**
     * The stored task changed (wrap-up codes, a sync): untouched fields follow it, typed ones
     * stay. When someone else changed it under unsaved edits, the form says who and when and
     * marks the fields; saving then applies the agent's edits on top.
     */
    storedChanged(stored: Task) {
      const fresh = formValuesOf(stored);
      if (JSON.stringify(fresh) === JSON.stringify(baseline)) return;
      if (JSON.stringify(values.value) !== JSON.stringify(baseline)) {
        noteForeignChange(stored, baseline, fresh);
      }
      values.value = rebaseFormValues(values.value, baseline, fresh);
      baseline = fresh;
    },
    dismissConflict() {
      conflict.value = null;
    },
    edit() {
      if (allowed.peek()) mode.value = 'edit';
    },
    save,
    /** Writes a pending draft now: the panel is being hidden or closed. */
    flush: async () => {
      if (!pending) return;
      clearTimeout(timer);
      await writeDraft();
    },
    async cancel() {
      await dropDraft();
      values.value = base();
      touched.clear();
      conflict.value = null;
      errors.value = {};
      formError.value = null;
      customerPrompt.value = false;
      app.close();
    },
    async clone() {
      if (!task) return;
      try {
        await app.clone(task.id);
      } catch (error) {
        showError(error);
      }
    },
    /** Delete asks first; for a parent with clones the question warns of permanent loss (R17). */
    requestDelete() {
      formError.value = null;
      deleteWarning.value = app.clones.value?.length ?? 0;
    },
    cancelDelete() {
      deleteWarning.value = null;
    },
    async confirmDelete() {
      if (!task) return;
      try {
        await app.remove(task.id, true);
        deleteWarning.value = null;
        await dropDraft();
        app.closeTasks();
      } catch (error) {
        deleteWarning.value = null;
        showError(error);
      }
    },
    dispose() {
      clearTimeout(timer);
      stopAwaitingUser();
    },
  };
}

export type TaskFormState = ReturnType<typeof createTaskFormState>;
