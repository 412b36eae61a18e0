import { t } from '../../lib/i18n/translate';
import { FieldError } from './field-error';

/**
 * The number of a call the softphone never showed (Wrapup saw it through WebRTC alone): the log
 * asks the agent for it, since the customer is found by it (R3). Its hint stays linked to the
 * input beside any message.
 */
export function CallNumberInput(props: {
  value: string;
  message: string | undefined;
  onInput: (value: string) => void;
}) {
  const described = ['task-call-number-hint', props.message ? 'callNumber-error' : '']
    .join(' ')
    .trim();
  return (
    <div class="field">
      <label for="task-call-number">{t('callNumberLabel')}</label>
      <input
        id="task-call-number"
        name="callNumber"
        type="tel"
        autoComplete="off"
        value={props.value}
        aria-invalid={props.message ? 'true' : undefined}
        aria-describedby={described}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <small id="task-call-number-hint" class="hint">
        {t('callNumberHint')}
      </small>
      <FieldError path="callNumber" message={props.message} />
    </div>
  );
}
