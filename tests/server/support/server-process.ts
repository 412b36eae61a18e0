import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const SERVER_VARIABLES = ['PORT', 'HOST', 'DATABASE_URL', 'WRAPUP_DATA_DIR', 'LOG_LEVEL'];

export type LogLine = Record<string, unknown>;

export interface ServerProcess {
  child: ChildProcess;
  /** Every JSON line written to standard output so far. */
  lines: LogLine[];
  /** Resolves with the first line whose `msg` is `message`; rejects if the process ends first. */
  waitFor(message: string): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `tsx server/main.ts` (what `npm run server` runs) with exactly the given variables. */
export function spawnServer(variables: Record<string, string>): ServerProcess {
  const environment = { ...process.env };
  for (const name of SERVER_VARIABLES) delete environment[name];
  const child = spawn(TSX, ['server/main.ts'], {
    cwd: ROOT,
    env: { ...environment, ...variables },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters: { message: string; resolve: (line: LogLine) => void }[] = [];
  let pending = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const text of complete) {
      if (text.trim() === '') continue;
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      for (const waiter of waiters.filter((candidate) => candidate.message === line.msg)) {
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const waitFor = (message: string) =>
    new Promise<LogLine>((resolveLine, reject) => {
      const seen = lines.find((line) => line.msg === message);
      if (seen) return resolveLine(seen);
      waiters.push({ message, resolve: resolveLine });
      exited.then(({ code }) =>
        reject(new Error(`server exited (${code}) before "${message}"; stderr: ${stderr}`)),
      );
    });
  return { child, lines, waitFor, exited };
}
