import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  type CustomerPageRecogniser,
  CustomerPageRecogniserSchema,
} from '../../lib/domain/customer-page-recogniser';
import { errorMessage } from '../../lib/domain/error-message';
import { t } from '../../lib/i18n/translate';
import { profileIdFromName } from '../../lib/softphone/profile-draft';
import { ChangedMeanwhileError } from './changed-meanwhile-error';
import type { CustomerPagesApi } from './customer-pages-api';

const FIELDS = ['name', 'urlPattern', 'selectorName', 'selectorPhone', 'selectorEmail'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const EMPTY: Draft = {
  name: '',
  urlPattern: '',
  selectorName: '',
  selectorPhone: '',
  selectorEmail: '',
};
const LABELS = {
  name: 'recogniserName',
  urlPattern: 'recogniserUrlPattern',
  selectorName: 'recogniserSelectorName',
  selectorPhone: 'recogniserSelectorPhone',
  selectorEmail: 'recogniserSelectorEmail',
} as const;
const ERROR_FIELD: Record<string, (typeof FIELDS)[number]> = {
  name: 'name',
  urlPattern: 'urlPattern',
  'selectors.name': 'selectorName',
  'selectors.phone': 'selectorPhone',
  'selectors.email': 'selectorEmail',
};

function parseDraft(draft: Draft) {
  const selectors = Object.fromEntries(
    (
      [
        ['name', draft.selectorName],
        ['phone', draft.selectorPhone],
        ['email', draft.selectorEmail],
      ] as const
    ).filter(([, value]) => value.trim() !== ''),
  );
  return CustomerPageRecogniserSchema.safeParse({
    id: profileIdFromName(draft.name),
    name: draft.name,
    urlPattern: draft.urlPattern.trim(),
    selectors,
  });
}

const SCOPE_NOTE = {
  'contact-center-edit': 'recognisersScopeContactCenterEdit',
  'contact-center-read': 'recognisersScopeContactCenterRead',
  browser: 'recognisersScopeBrowser',
} as const;

/**
 * The recognisers for the contact center's own CRM customer pages: the contact center's, which
 * an administrator edits and an agent only reads; or, signed out, this browser's.
 */
export function CustomerPages({ api }: { api: CustomerPagesApi }) {
  const readOnly = api.scope === 'contact-center-read';
  const list = useSignal<CustomerPageRecogniser[]>([]);
  const draft = useSignal<Draft>(EMPTY);
  const errors = useSignal<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const status = useSignal('');
  const failure = useSignal('');

  const reload = () =>
    api.load().then(
      (loaded) => {
        list.value = loaded;
      },
      (error: unknown) => {
        failure.value = errorMessage(error);
      },
    );

  useEffect(() => {
    list.value = [];
    void reload();
  }, [api, list, failure]);

  /**
   * Whether the list was stored; when not, the reason is shown and what was typed stays. When
   * another administrator saved first, the list shows theirs, to add to or delete from again.
   */
  const store = async (next: CustomerPageRecogniser[], message: string): Promise<boolean> => {
    try {
      await api.save(next);
    } catch (error) {
      if (error instanceof ChangedMeanwhileError) {
        failure.value = error.message;
        await reload();
        return false;
      }
      failure.value = t('recogniserNotSaved', { reason: errorMessage(error) });
      return false;
    }
    failure.value = '';
    list.value = next;
    status.value = message;
    return true;
  };

  const add = (event: Event) => {
    event.preventDefault();
    const parsed = parseDraft(draft.value);
    if (!parsed.success) {
      const found: typeof errors.value = {};
      for (const issue of parsed.error.issues) {
        const field = ERROR_FIELD[issue.path.slice(0, 2).join('.')] ?? 'name';
        found[field] ??= issue.message;
      }
      errors.value = found;
      return;
    }
    errors.value = {};
    const others = list.value.filter((existing) => existing.id !== parsed.data.id);
    const typed = draft.value;
    void store([...others, parsed.data], t('recogniserSaved', { name: parsed.data.name })).then(
      (stored) => {
        if (stored && draft.value === typed) draft.value = EMPTY;
      },
    );
  };

  return (
    <section aria-labelledby="customer-pages-heading">
      <h2 id="customer-pages-heading">{t('recognisersHeading')}</h2>
      <p>{t('recognisersIntro')}</p>
      <p class="note" data-testid="recognisers-scope">
        {t(SCOPE_NOTE[api.scope])}
      </p>
      <output>{status.value}</output>
      {failure.value && (
        <p class="error" role="alert">
          {failure.value}
        </p>
      )}
      <ul class="profiles" data-testid="recognisers">
        {list.value.map((recogniser) => (
          <li key={recogniser.id} data-recogniser-id={recogniser.id}>
            <div>
              <strong>{recogniser.name}</strong>
              <div class="mono">{recogniser.urlPattern}</div>
            </div>
            {!readOnly && (
              <button
                type="button"
                onClick={() =>
                  void store(
                    list.value.filter((existing) => existing.id !== recogniser.id),
                    t('recogniserDeleted', { name: recogniser.name }),
                  )
                }
              >
                {t('profileDelete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form class="panel" onSubmit={add} noValidate aria-label={t('recogniserAdd')}>
          {FIELDS.map((field) => (
            <div class="field" key={field}>
              <label for={`recogniser-${field}`}>{t(LABELS[field])}</label>
              <input
                id={`recogniser-${field}`}
                type="text"
                value={draft.value[field]}
                aria-invalid={errors.value[field] ? true : undefined}
                aria-describedby={errors.value[field] ? `recogniser-${field}-error` : undefined}
                onInput={(event) => {
                  draft.value = { ...draft.value, [field]: event.currentTarget.value };
                }}
              />
              {errors.value[field] && (
                <small id={`recogniser-${field}-error`} class="error">
                  {errors.value[field]}
                </small>
              )}
            </div>
          ))}
          <button type="submit">{t('recogniserAdd')}</button>
        </form>
      )}
    </section>
  );
}
