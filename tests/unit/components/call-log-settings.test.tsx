// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminScreensApi } from '../../../components/options/admin-api';
import { CallLogSettings } from '../../../components/options/CallLogSettings';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/domain/settings';
import { t } from '../../../lib/i18n/translate';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function until<T>(find: () => T | null | undefined | false): Promise<T> {
  for (let tries = 0; tries < 100; tries++) {
    const found = find();
    if (found) return found;
    await settle();
  }
  throw new Error('never appeared');
}

/** The server's settings with a version, refusing a change made on an older one. */
function fakeServer() {
  let stored: Settings = DEFAULT_SETTINGS;
  let version = 1;
  const baseVersions: (string | undefined)[] = [];
  const api: AdminScreensApi['settings'] = {
    load: async () => ({ ok: true, value: { ...stored, version: String(version) } }),
    change: async (rest, base) => {
      baseVersions.push(base?.version);
      if (base?.version !== String(version)) {
        return {
          ok: false,
          message: t('settingsChangedMeanwhile'),
          fields: {},
          changedMeanwhile: true,
        };
      }
      stored = { ...stored, ...rest };
      version += 1;
      return { ok: true, value: { ...stored, version: String(version) } };
    },
  };
  const saveElsewhere = (next: Partial<Settings>) => {
    stored = { ...stored, ...next };
    version += 1;
  };
  return { api, baseVersions, saveElsewhere, stored: () => stored };
}

describe('the call-log settings screen', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('R1, R11: after another administrator saved, reloads their settings, keeps this edit, and saves it on the next try', async () => {
    const server = fakeServer();
    render(<CallLogSettings api={server.api} />, root);
    const lead = await until(() => root.querySelector<HTMLInputElement>('#settings-lead'));
    server.saveElsewhere({ callLogOpensIn: 'view', defaultReminderLeadMinutes: 30 });

    lead.value = '12';
    lead.dispatchEvent(new Event('input', { bubbles: true }));
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const alert = await until(() => root.querySelector('[role="alert"]'));
    expect(alert.textContent).toBe(t('settingsChangedMeanwhile'));
    await until(
      () => root.querySelector<HTMLInputElement>('input[value="view"]')?.checked === true,
    );
    expect(root.querySelector<HTMLInputElement>('#settings-lead')?.value).toBe('12');
    expect(server.stored().defaultReminderLeadMinutes).toBe(30);

    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await until(() => root.querySelector('output')?.textContent === t('settingsSaved'));
    expect(server.stored()).toMatchObject({
      callLogOpensIn: 'view',
      defaultReminderLeadMinutes: 12,
    });
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(server.baseVersions).toEqual(['1', '2']);
  });
});
