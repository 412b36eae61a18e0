import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Settings } from '../../lib/domain/settings';
import type { VersionedSettings } from '../../lib/domain/settings-changes';
import { TASK_KINDS } from '../../lib/domain/task-kind';
import { t } from '../../lib/i18n/translate';
import { errorsByField } from '../../lib/state/field-definition-form';
import { keepEdits } from '../../lib/state/keep-edits';
import { FieldError, invalidProps } from '../task-form/field-error';
import type { AdminScreensApi } from './admin-api';

type CallLogForm = Pick<Settings, 'autoCallLog' | 'callLogOpensIn' | 'callLogKinds'> & {
  /** As typed, so a wrong value stays on screen with its message. */
  defaultReminderLeadMinutes: string;
};

function toForm(settings: Settings): CallLogForm {
  return {
    autoCallLog: settings.autoCallLog,
    callLogOpensIn: settings.callLogOpensIn,
    callLogKinds: settings.callLogKinds,
    defaultReminderLeadMinutes: String(settings.defaultReminderLeadMinutes),
  };
}

/**
 * The contact center's call-log settings (R1, R2, R11): automatic call logs, the mode a log
 * opens in, which interaction kinds make logs, and the default reminder lead time. A save names
 * the version the form was loaded from; when another administrator saved since, the form takes
 * their settings and keeps what this administrator changed, to be saved again.
 */
export function CallLogSettings({ api }: { api: AdminScreensApi['settings'] }) {
  const form = useSignal<CallLogForm | null>(null);
  /** The settings the form was loaded from: its version, and what counts as edited. */
  const base = useSignal<VersionedSettings | null>(null);
  const errors = useSignal<Record<string, string>>({});
  const problem = useSignal('');
  const status = useSignal('');

  useEffect(() => {
    void api.load().then((result) => {
      if (!result.ok) {
        problem.value = result.message;
        return;
      }
      base.value = result.value;
      form.value = toForm(result.value);
    });
  }, [api, base, form, problem]);

  const rebase = async (message: string) => {
    const fresh = await api.load();
    if (!fresh.ok) {
      problem.value = fresh.message;
      return;
    }
    // Read after the load, so whatever was typed meanwhile is kept too.
    const draft = form.value;
    if (!draft) return;
    const edited = base.value ? keepEdits(toForm(base.value), draft, toForm(fresh.value)) : draft;
    base.value = fresh.value;
    form.value = edited;
    problem.value = message;
  };

  const current = form.value;
  const set = (changes: Partial<CallLogForm>) => {
    if (form.value) form.value = { ...form.value, ...changes };
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (!current) return;
    const lead = current.defaultReminderLeadMinutes.trim();
    const minutes = /^\d+$/.test(lead) ? Number(lead) : Number.NaN;
    if (!Number.isInteger(minutes) || minutes > 24 * 60) {
      errors.value = { defaultReminderLeadMinutes: t('settingsLeadInvalid') };
      return;
    }
    const { defaultReminderLeadMinutes: _typed, ...rest } = current;
    const result = await api.change(
      { ...rest, defaultReminderLeadMinutes: minutes },
      base.value ?? undefined,
    );
    if (!result.ok && result.changedMeanwhile) {
      await rebase(result.message);
      return;
    }
    if (!result.ok) {
      errors.value = errorsByField(result.fields);
      problem.value = result.message;
      return;
    }
    base.value = result.value;
    form.value = toForm(result.value);
    errors.value = {};
    problem.value = '';
    status.value = t('settingsSaved');
  };

  return (
    <section aria-labelledby="call-log-settings-heading" data-testid="call-log-settings">
      <h2 id="call-log-settings-heading">{t('settingsHeading')}</h2>
      <output aria-live="polite">{status.value}</output>
      {problem.value && (
        <p role="alert" class="error">
          {problem.value}
        </p>
      )}
      {current === null && !problem.value && <p>{t('loading')}</p>}
      {current && (
        <form class="panel" aria-labelledby="call-log-settings-heading" noValidate onSubmit={save}>
          <div class="field field-checkbox">
            <label>
              <input
                type="checkbox"
                name="autoCallLog"
                checked={current.autoCallLog}
                onChange={(event) => set({ autoCallLog: event.currentTarget.checked })}
              />{' '}
              {t('settingsAutoCallLog')}
            </label>
          </div>
          <fieldset class="field-options">
            <legend>{t('settingsOpensIn')}</legend>
            {(['edit', 'view'] as const).map((mode) => (
              <label key={mode}>
                <input
                  type="radio"
                  name="callLogOpensIn"
                  value={mode}
                  checked={current.callLogOpensIn === mode}
                  onChange={() => set({ callLogOpensIn: mode })}
                />{' '}
                {t(mode === 'edit' ? 'settingsOpensInEdit' : 'settingsOpensInView')}
              </label>
            ))}
          </fieldset>
          <fieldset
            class="field-options"
            {...invalidProps('settings.callLogKinds', errors.value.callLogKinds)}
          >
            <legend>{t('settingsCallLogKinds')}</legend>
            {TASK_KINDS.map((kind) => (
              <label key={kind}>
                <input
                  type="checkbox"
                  name="callLogKinds"
                  value={kind}
                  checked={current.callLogKinds.includes(kind)}
                  onChange={(event) =>
                    set({
                      callLogKinds: event.currentTarget.checked
                        ? [...current.callLogKinds, kind]
                        : current.callLogKinds.filter((other) => other !== kind),
                    })
                  }
                />{' '}
                {t(`kind_${kind}`)}
              </label>
            ))}
            <FieldError path="settings.callLogKinds" message={errors.value.callLogKinds} />
          </fieldset>
          <div class="field">
            <label for="settings-lead">{t('settingsDefaultLead')}</label>
            <input
              id="settings-lead"
              name="defaultReminderLeadMinutes"
              inputMode="numeric"
              value={current.defaultReminderLeadMinutes}
              onInput={(event) => set({ defaultReminderLeadMinutes: event.currentTarget.value })}
              {...invalidProps(
                'settings.defaultReminderLeadMinutes',
                errors.value.defaultReminderLeadMinutes,
              )}
            />
            <FieldError
              path="settings.defaultReminderLeadMinutes"
              message={errors.value.defaultReminderLeadMinutes}
            />
          </div>
          <button type="submit">{t('settingsSave')}</button>
        </form>
      )}
    </section>
  );
}
