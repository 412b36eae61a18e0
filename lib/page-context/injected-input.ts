/**
 * Injected scripts take no arguments: the extension first sets their input under this name in
 * its own isolated world (never visible to the page), then runs the script, which takes it.
 */
export const INJECTED_INPUT_KEY = '__wrapupInjectedInput';

/** Takes (and clears) the input the extension left for an injected script. */
export function takeInjectedInput(): unknown {
  const scope = globalThis as Record<string, unknown>;
  const input = scope[INJECTED_INPUT_KEY];
  delete scope[INJECTED_INPUT_KEY];
  return input;
}
