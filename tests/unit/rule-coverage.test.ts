import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const RULES_FILE = resolve(REPO_ROOT, '../shared/TASK-RULES.md');
const TESTS_DIR = join(REPO_ROOT, 'tests');
/** This file's own sample titles must not count as coverage. */
const THIS_FILE = fileURLToPath(import.meta.url);

function ruleRange(first: number, last: number): string[] {
  return Array.from({ length: last - first + 1 }, (_, index) => `R${first + index}`);
}

/** The rules that must each have a test. R1–R8 (the softphone's) join with ruleRange(1, 25). */
const CHECKED_RULES = ruleRange(9, 25);

/**
 * Rule ids a test title starts with: `it('R12: …')`, `test("R17, R18 …")`, `it.each(…)('R3 …')`.
 * Skipped and to-do tests prove nothing, so `.skip`, `.todo` and `.only` titles do not count.
 */
const TEST_TITLE =
  /\b(?:it|test)(?:\.(?:each\([^)]*\)|concurrent|sequential|fails))*\(\s*(['"`])(R\d+(?:\s*(?:,|&|\/|and)\s*R\d+)*)\b/g;

function rulesNamedIn(source: string): Set<string> {
  const named = new Set<string>();
  for (const match of source.matchAll(TEST_TITLE)) {
    for (const id of match[2]!.match(/R\d+/g) ?? []) named.add(id);
  }
  return named;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return /\.(test|spec)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('rule coverage', () => {
  it('reads rule ids only from the start of real test titles', () => {
    // Built from parts so repository checks for committed skipped tests do not flag this sample.
    const skip = ['it', 'skip'].join('.');
    const named = rulesNamedIn(`
      it('R12: clone keeps the transaction id', () => {});
      test("R17, R18 delete warns, then unlinks", () => {});
      it.each([1, 2])('R3: matches %s', () => {});
      it('covers R20 in passing', () => {});
      ${skip}('R21: skipped', () => {});
      it.todo('R22: later');
      describe('R23: a group, not a test', () => {});
      const note = 'R24: in a string';
    `);
    expect([...named].sort()).toEqual(['R12', 'R17', 'R18', 'R3']);
  });

  it('every checked rule exists in TASK-RULES.md', () => {
    const rules = readFileSync(RULES_FILE, 'utf8');
    const defined = new Set([...rules.matchAll(/\*\*(R\d+)\*\*/g)].map((match) => match[1]));
    expect(CHECKED_RULES.filter((id) => !defined.has(id))).toEqual([]);
  });

  it.each(CHECKED_RULES)('%s is named at the start of some test title under tests/', (id) => {
    const files = testFiles(TESTS_DIR).filter((file) => file !== THIS_FILE);
    const naming = files.filter((file) => rulesNamedIn(readFileSync(file, 'utf8')).has(id));
    expect(
      naming.map((file) => relative(REPO_ROOT, file)),
      `no test title starts with ${id}`,
    ).not.toEqual([]);
  });
});
