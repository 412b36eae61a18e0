import { z } from 'zod';

export const LogLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof LogLevelSchema>;

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** The least severe level written; default `info`. */
  level?: LogLevel;
  /** Writes nothing at all (tests). */
  silent?: boolean;
  /** Receives each line without its newline; default: standard output. */
  write?: (line: string) => void;
}

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// JSON.stringify drops an Error's message and stack and throws on bigint.
function jsonSafe(_key: string, value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function formatLine(level: LogLevel, message: string, fields: LogFields | undefined): string {
  const entry = { time: new Date().toISOString(), level, msg: message, ...fields };
  try {
    return JSON.stringify(entry, jsonSafe);
  } catch {
    // A circular field must not take the server down: keep the message, name the problem.
    return JSON.stringify({
      time: entry.time,
      level,
      msg: message,
      logError: 'unserializable fields',
    });
  }
}

/** A structured logger: one JSON object per line (`time`, `level`, `msg`, then the fields). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = SEVERITY[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const log = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (options.silent || SEVERITY[level] < threshold) return;
    write(formatLine(level, message, fields));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
