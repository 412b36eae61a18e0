import { signal } from '@preact/signals';
import type { ComponentType, FunctionComponent } from 'preact';
import { t } from '../lib/i18n/translate';

/**
 * A screen whose code loads the first time it is shown, so the task list renders without the
 * form's code (and the validation schemas it brings) in the first bundle.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
): FunctionComponent<P> {
  const loaded = signal<ComponentType<P> | null>(null);
  const failed = signal<string | null>(null);
  let started = false;
  return (props: P) => {
    if (!started) {
      started = true;
      load().then(
        (component) => {
          loaded.value = component;
        },
        (error: unknown) => {
          failed.value = error instanceof Error ? error.message : String(error);
        },
      );
    }
    const Screen = loaded.value;
    if (Screen) return <Screen {...props} />;
    if (failed.value) {
      return (
        <p role="alert" class="error">
          {t('screenFailed', { reason: failed.value })}
        </p>
      );
    }
    return <p aria-busy="true">{t('loading')}</p>;
  };
}
