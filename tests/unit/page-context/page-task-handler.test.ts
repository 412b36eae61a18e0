import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handlePageTask } from '../../../entrypoints/background/handlers/page-task';

const panel = {
  extensionId: 'wrapup',
  url: 'chrome-extension://wrapup/sidepanel.html',
  tabId: undefined,
  windowId: undefined,
  fromExtensionPage: true,
};
const ask = { type: 'quick-task/page', windowId: 4 } as const;

function activeTab(tab: { id: number; url?: string; title?: string }) {
  return vi
    .spyOn(fakeBrowser.tabs, 'query')
    .mockResolvedValue([{ ...tab, windowId: 4, active: true } as never]);
}

describe("the background's side of the panel's Task for this page", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('R10: asks about the active tab of the panel’s window', async () => {
    const query = activeTab({ id: 9, url: 'chrome://newtab/' });
    expect(await handlePageTask(ask, panel)).toEqual({ ok: false, problem: 'no-page' });
    expect(query).toHaveBeenCalledWith({ active: true, windowId: 4 });
  });

  it('has Chrome offer access to exactly that site when the page is hidden from Wrapup', async () => {
    activeTab({ id: 9 });
    const addHostAccessRequest = vi.fn(async () => undefined);
    vi.stubGlobal('chrome', { permissions: { addHostAccessRequest } });
    expect(await handlePageTask(ask, panel)).toEqual({ ok: false, problem: 'access-requested' });
    expect(addHostAccessRequest).toHaveBeenCalledWith({ tabId: 9 });
  });

  it('says access is needed where the browser cannot offer it (Firefox) or refuses', async () => {
    activeTab({ id: 9 });
    vi.stubGlobal('chrome', { permissions: {} });
    expect(await handlePageTask(ask, panel)).toEqual({ ok: false, problem: 'needs-access' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('chrome', {
      permissions: { addHostAccessRequest: vi.fn(async () => Promise.reject(new Error('no'))) },
    });
    expect(await handlePageTask(ask, panel)).toEqual({ ok: false, problem: 'needs-access' });
    expect(warn).toHaveBeenCalled();
  });

  it('finds no page when the window has no tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    expect(await handlePageTask(ask, panel)).toEqual({ ok: false, problem: 'no-page' });
  });
});
