import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const chromiumPath = inject('chromiumPath');

/** Issue 7's budget for what every softphone page loads (npm run bench:softphone prints it). */
const SOFTPHONE_SCRIPT_BUDGET_BYTES = 15 * 1024;

function manifestOf(dir: string) {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    host_permissions?: string[];
    optional_host_permissions?: string[];
    permissions?: string[];
    content_scripts?: unknown[];
    side_panel?: unknown;
  };
}

describe.skipIf(!chromiumPath)('built manifests', () => {
  it('the production build asks for no host permission up front (least privilege)', () => {
    const manifest = manifestOf(inject('productionExtensionPath'));
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(JSON.stringify(manifest)).not.toMatch(/127\.0\.0\.1|localhost|<all_urls>/);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.permissions).toContain('sidePanel');
  });

  it('only the e2e build pre-grants the demo pages’ loopback origins', () => {
    const manifest = manifestOf(inject('extensionPath'));
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('keeps the softphone content script within 15 KB gzipped', () => {
    const script = readFileSync(
      join(inject('productionExtensionPath'), 'content-scripts/softphone.js'),
    );
    expect(gzipSync(script).length).toBeLessThanOrEqual(SOFTPHONE_SCRIPT_BUDGET_BYTES);
  });
});
