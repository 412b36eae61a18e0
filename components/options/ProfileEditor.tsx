import { useSignal } from '@preact/signals';
import type { SoftphoneProfile } from '../../lib/domain/softphone-profile';
import type { MessageKey } from '../../lib/i18n/messages-en';
import { t } from '../../lib/i18n/translate';
import {
  PROFILE_SELECTOR_KEYS,
  type ProfileDraft,
  parseProfileDraft,
} from '../../lib/softphone/profile-draft';

interface FieldProps {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  multiline?: boolean;
  hint?: string;
  onInput: (value: string) => void;
}

function Field({ name, label, value, error, multiline, hint, onInput }: FieldProps) {
  const id = `profile-${name.replace(/\./g, '-')}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim();
  const common = {
    id,
    name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {error && (
        <small id={`${id}-error`} class="error">
          {error}
        </small>
      )}
    </div>
  );
}

/** The selectors and state patterns that read a softphone's call panel. */
function DomFields({
  draft,
  errors,
  update,
}: {
  draft: ProfileDraft;
  errors: Record<string, string>;
  update: (change: (current: ProfileDraft) => ProfileDraft) => void;
}) {
  return (
    <>
      <Field
        name="states.connected"
        label={t('profileConnectedPattern')}
        value={draft.states.connected}
        error={errors['states.connected']}
        onInput={(connected) => update((d) => ({ ...d, states: { ...d.states, connected } }))}
      />
      <Field
        name="states.outbound"
        label={t('profileOutboundPattern')}
        value={draft.states.outbound}
        error={errors['states.outbound']}
        onInput={(outbound) => update((d) => ({ ...d, states: { ...d.states, outbound } }))}
      />
      <fieldset>
        <legend>{t('profileSelectorsHeading')}</legend>
        {PROFILE_SELECTOR_KEYS.map((key) => (
          <Field
            key={key}
            name={`selectors.${key}`}
            label={t(`profileSelector_${key}` as MessageKey)}
            value={draft.selectors[key] ?? ''}
            error={errors[`selectors.${key}`]}
            onInput={(value) =>
              update((d) => ({ ...d, selectors: { ...d.selectors, [key]: value } }))
            }
          />
        ))}
      </fieldset>
    </>
  );
}

/**
 * Edits a softphone profile. The typed draft is kept as typed: a field that does not validate
 * shows its message and nothing the administrator wrote is lost.
 */
export function ProfileEditor(props: {
  initial: ProfileDraft;
  onSave: (profile: SoftphoneProfile) => void;
  onCancel: () => void;
}) {
  const draft = useSignal<ProfileDraft>(props.initial);
  const errors = useSignal<Record<string, string>>({});
  const update = (change: (current: ProfileDraft) => ProfileDraft) => {
    draft.value = change(draft.value);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const result = parseProfileDraft(draft.value);
    if (!result.ok) {
      errors.value = result.errors;
      return;
    }
    errors.value = {};
    props.onSave(result.profile);
  };

  const current = draft.value;
  const hasErrors = Object.keys(errors.value).length > 0;
  return (
    <form class="panel" aria-labelledby="profile-editor-heading" onSubmit={submit} noValidate>
      <h3 id="profile-editor-heading">{t('profileEditorHeading')}</h3>
      {hasErrors && <p role="alert">{t('profileFixFields')}</p>}
      <Field
        name="name"
        label={t('profileName')}
        value={current.name}
        error={errors.value.name ?? errors.value.id}
        onInput={(name) => update((d) => ({ ...d, name }))}
      />
      <Field
        name="matches"
        label={t('profileMatches')}
        hint={t('profileMatchesHint')}
        multiline
        value={current.matches}
        error={errors.value.matches}
        onInput={(matches) => update((d) => ({ ...d, matches }))}
      />
      <fieldset class="adapter-choice">
        <legend>{t('profileAdapterLegend')}</legend>
        {(['dom', 'webrtc'] as const).map((adapter) => (
          <label key={adapter}>
            <input
              type="radio"
              name="adapter"
              value={adapter}
              checked={current.adapter === adapter}
              onChange={() => update((d) => ({ ...d, adapter }))}
            />{' '}
            {t(adapter === 'dom' ? 'profileAdapterDom' : 'profileAdapterWebRtc')}
          </label>
        ))}
      </fieldset>
      {current.adapter === 'webrtc' ? (
        <p class="hint" data-testid="webrtc-only-hint">
          {t('profileWebRtcOnlyHint')}
        </p>
      ) : (
        <DomFields draft={current} errors={errors.value} update={update} />
      )}
      <div class="actions">
        <button type="submit">{t('profileSave')}</button>
        <button type="button" onClick={props.onCancel}>
          {t('profileCancel')}
        </button>
      </div>
    </form>
  );
}
