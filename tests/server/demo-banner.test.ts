import { describe, expect, it } from 'vitest';
import { formatDemoBanner } from '../../server/demo-banner';

describe('the npm start banner', () => {
  const banner = formatDemoBanner({
    url: 'http://127.0.0.1:8787',
    extensionDir: '/home/ada/wrapup/.output/chrome-mv3',
    dataDir: '/home/ada/wrapup/data/pglite',
  });

  it('gives every address a newcomer needs', () => {
    expect(banner).toContain('http://127.0.0.1:8787\n');
    expect(banner).toContain('http://127.0.0.1:8787/health');
    expect(banner).toContain('http://127.0.0.1:8787/demo/softphone.html');
    expect(banner).toContain('http://127.0.0.1:8787/demo/customer.html?id=C-1001');
    expect(banner).toContain('/home/ada/wrapup/data/pglite');
  });

  it('says where the unpacked extension is and how to load it, then how to stop', () => {
    const lines = banner.split('\n').map((line) => line.trim());
    const order = [
      '/home/ada/wrapup/.output/chrome-mv3',
      '1. Open chrome://extensions',
      '2. Switch on "Developer mode" (top right)',
      '3. Click "Load unpacked" and pick the folder above',
      'Press Ctrl+C to stop.',
    ].map((expected) => lines.indexOf(expected));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('the npm start banner with the demo contact center', () => {
  it('prints how to sign in with each demo account', () => {
    const banner = formatDemoBanner({
      url: 'http://127.0.0.1:8787',
      extensionDir: '/x',
      dataDir: '/y',
      demo: {
        tenantName: 'Demo',
        created: true,
        accounts: [
          { role: 'administrator', email: 'admin@demo.test', password: 'secret-admin' },
          { role: 'agent', email: 'alex@demo.test', password: 'secret-agent' },
        ],
      },
    });
    expect(banner).toContain('Sign in to "Demo" (created just now):');
    expect(banner).toMatch(/administrator\s+admin@demo\.test\s+password: secret-admin/);
    expect(banner).toMatch(/agent\s+alex@demo\.test\s+password: secret-agent/);
  });
});
