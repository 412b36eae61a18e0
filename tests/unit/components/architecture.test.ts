import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const COMPONENTS = resolve(import.meta.dirname, '../../../components');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Components read state and call lib/ actions; the store and the browser stay outside them. */
describe('components', () => {
  it('never open IndexedDB, import the store or call browser APIs', () => {
    const offenders = sourceFiles(COMPONENTS).flatMap((path) => {
      const source = readFileSync(path, 'utf8');
      const problems = [
        /from ['"]dexie['"]/.test(source) && 'imports dexie',
        /^import (?!type )[^;]*from ['"][./]*lib\/db\//m.test(source) && 'imports lib/db',
        /from ['"]wxt\/browser['"]/.test(source) && 'imports wxt/browser',
        /\b(browser|chrome)\.[a-z]+\.[a-zA-Z]+/.test(source) && 'calls browser APIs',
        /\bindexedDB\b/.test(source) && 'touches indexedDB',
      ].filter(Boolean);
      return problems.map((problem) => `${path.slice(COMPONENTS.length + 1)}: ${problem}`);
    });
    expect(offenders).toEqual([]);
  });
});
