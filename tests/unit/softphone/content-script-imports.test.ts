import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallDirectionSchema } from '../../../lib/domain/task';
import { VOICE_TASK_KINDS } from '../../../lib/domain/task-kind';
import { CallSourceSchema } from '../../../lib/softphone/call-event';
import {
  CALL_DIRECTIONS,
  CALL_SOURCES,
  INTERACTION_KINDS,
} from '../../../lib/softphone/call-event-types';

const SOFTPHONE = resolve(import.meta.dirname, '../../../lib/softphone');

/** Modules whose code a runtime import pulls in, following relative imports; type-only ones not. */
function runtimeImports(
  entry: string,
  root = SOFTPHONE,
): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(
      /^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms,
    )) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), `${specifier}.ts`));
      else packages.add(specifier);
    }
  };
  visit(resolve(root, entry));
  return { files, packages };
}

describe('what the softphone content scripts pull into every softphone page', () => {
  it('runs the MAIN-world observer and its poster on no package at all', () => {
    for (const entry of ['webrtc-observer.ts', 'main-world-channel.ts']) {
      expect(runtimeImports(entry).packages, entry).toEqual(new Set());
    }
  });

  it.each([
    'page-events.ts',
    'main-world-bridge.ts',
    'webrtc-call-events.ts',
    'call-fusion.ts',
    'watch-dom-profile.ts',
  ])('validates page input in %s by hand, with no zod at all (its size budget)', (entry) => {
    const packages = [...runtimeImports(entry).packages];
    expect(packages).not.toContain('zod');
    expect(packages).not.toContain('zod/mini');
  });

  it("keeps the softphone content script to the polyfill and WXT's content-script wrapper", () => {
    const entry = resolve(import.meta.dirname, '../../../entrypoints/softphone.content/index.ts');
    // Profiles come from the background (softphone/profile), never through storage or zod here.
    expect(runtimeImports(entry, '/').packages).toEqual(
      new Set(['wxt/browser', 'wxt/utils/define-content-script']),
    );
  });

  it.each([
    'page-events.ts',
    'main-world-bridge.ts',
    'webrtc-call-events.ts',
    'call-fusion.ts',
    'watch-dom-profile.ts',
    'page-call-facts.ts',
  ])('leaves phone-number parsing (libphonenumber-js) to the background in %s', (entry) => {
    expect([...runtimeImports(entry).packages]).not.toContain('libphonenumber-js');
  });

  it('keeps the content-script constants equal to the schemas the background uses', () => {
    expect([...CALL_DIRECTIONS]).toEqual(CallDirectionSchema.options);
    expect([...CALL_SOURCES]).toEqual(CallSourceSchema.options);
    expect([...INTERACTION_KINDS]).toEqual(VOICE_TASK_KINDS);
  });
});
