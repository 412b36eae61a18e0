import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  serviceWorker(): Promise<Worker>;
  /** Closes the browser; the profile stays until `dispose`, so a test can relaunch it. */
  close(): Promise<void>;
  dispose(): Promise<void>;
}

const FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

async function findServiceWorker(context: BrowserContext): Promise<Worker> {
  const existing = context
    .serviceWorkers()
    .find((worker) => worker.url().startsWith('chrome-extension://'));
  return existing ?? context.waitForEvent('serviceworker', { timeout: 20_000 });
}

/** Launches Chromium with the built extension loaded, in a fresh (or the given) profile. */
export async function launchWithExtension(options: {
  chromiumPath: string;
  extensionPath: string;
  profileDir?: string;
}): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'wrapup-e2e-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: options.chromiumPath,
    headless: true,
    args: [
      ...FLAGS,
      `--disable-extensions-except=${options.extensionPath}`,
      `--load-extension=${options.extensionPath}`,
    ],
  });
  const worker = await findServiceWorker(context);
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    serviceWorker: () => findServiceWorker(context),
    close: () => context.close(),
    dispose: async () => {
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The text inside the closed shadow root of the first element carrying `attribute`, read through
 * the DevTools protocol (page scripts, and so Playwright's locators, cannot see into it); null
 * when there is no such element. Style sheets are left out.
 */
export async function closedShadowText(page: Page, attribute: string): Promise<string | null> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const find = (node: DomNode): DomNode | undefined => {
      if (node.attributes?.includes(attribute)) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const text = (node: DomNode): string[] => {
      if (node.nodeName === 'STYLE') return [];
      if (node.nodeType === 3) return [node.nodeValue];
      return [...(node.shadowRoots ?? []), ...(node.children ?? [])].flatMap(text);
    };
    const host = find(root);
    return host ? text(host).join(' ').trim() : null;
  } finally {
    await session.detach();
  }
}
