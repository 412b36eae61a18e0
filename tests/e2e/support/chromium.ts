import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The first Chromium-family browser on this machine, or undefined when there is none. */
export function findChromiumOptional(): string | undefined {
  return CANDIDATES.find((path): path is string => Boolean(path && existsSync(path)));
}
