import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  openSidePanelOnClick,
  sidePanelCanBeOffered,
} from '../../../entrypoints/background/side-panel';

function chromeWith(openPanels: number) {
  const open = vi.fn(async () => undefined);
  vi.stubGlobal('chrome', {
    sidePanel: { open, setPanelBehavior: vi.fn() },
    runtime: { getContexts: vi.fn(async () => Array.from({ length: openPanels }, () => ({}))) },
  });
  return { open };
}

describe('offering the side panel from a softphone page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('R1: offers it in Chrome while it is closed, not while it shows', async () => {
    chromeWith(0);
    expect(await sidePanelCanBeOffered()).toBe(true);
    chromeWith(1);
    expect(await sidePanelCanBeOffered()).toBe(false);
  });

  it('opens it in the window of the tab the agent clicked in', async () => {
    const { open } = chromeWith(0);
    expect(await openSidePanelOnClick({ windowId: 3, tabId: 9 })).toBe(true);
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
  });

  it('offers nothing in Firefox, whose sidebar opens only from its own UI', async () => {
    vi.stubGlobal('chrome', { runtime: {} });
    expect(await sidePanelCanBeOffered()).toBe(false);
    expect(await openSidePanelOnClick({ windowId: 3 })).toBe(false);
  });
});
