import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const HEAVY = /node_modules\/(zod|libphonenumber-js)\//;

/**
 * The side panel's first render must stay small (90 KB gzipped with 10,000 tasks, see
 * `npm run bench:sidepanel`): the schemas (zod) and the phone parser load on demand only. This
 * walks the static imports from the panel's entry and names the chain that would pull one in.
 */
describe('the side panel first render', () => {
  it('imports neither zod nor the phone parser statically', async () => {
    const result = await build({
      entryPoints: [resolve(ROOT, 'entrypoints/sidepanel/main.tsx')],
      absWorkingDir: ROOT,
      bundle: true,
      write: false,
      splitting: true,
      format: 'esm',
      outdir: 'out',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      loader: { '.css': 'empty' },
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = result.metafile.inputs;
    const entry = 'entrypoints/sidepanel/main.tsx';
    const via = new Map<string, string | null>([[entry, null]]);
    const queue = [entry];
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      for (const imported of inputs[path]?.imports ?? []) {
        if (imported.kind !== 'import-statement' || via.has(imported.path)) continue;
        via.set(imported.path, path);
        queue.push(imported.path);
      }
    }
    const chains = [...via.keys()]
      .filter((path) => HEAVY.test(path))
      .map((path) => {
        const chain: string[] = [];
        for (let at: string | null | undefined = path; at; at = via.get(at)) chain.unshift(at);
        return chain.filter((step) => !step.includes('node_modules')).join(' → ');
      });
    expect([...new Set(chains)]).toEqual([]);
  });
});
