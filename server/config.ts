import { z } from 'zod';
import { LogLevelSchema } from './logger';

/** Where the server listens when PORT is not set (and what the demo pages' URLs assume). */
export const DEFAULT_PORT = 8787;

const PortSchema = z
  .string()
  .regex(/^\d{1,5}$/, 'PORT must be a whole number from 0 to 65535.')
  .transform(Number)
  .pipe(z.number().max(65_535, 'PORT must be a whole number from 0 to 65535.'));

const EnvironmentSchema = z.object({
  PORT: PortSchema.optional(),
  HOST: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://.')
    .optional(),
  WRAPUP_DATA_DIR: z.string().optional(),
  LOG_LEVEL: LogLevelSchema.optional(),
});

export interface ServerConfig {
  port: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  logLevel?: z.infer<typeof LogLevelSchema>;
}

/**
 * The server's settings from the environment: PORT (default 8787), HOST, DATABASE_URL,
 * WRAPUP_DATA_DIR, LOG_LEVEL. An empty variable counts as unset. Throws one readable message
 * naming every bad variable.
 */
export function readServerConfig(environment: NodeJS.ProcessEnv): ServerConfig {
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvironmentSchema.safeParse(present);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  const env = parsed.data;
  return {
    port: env.PORT ?? DEFAULT_PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.WRAPUP_DATA_DIR,
    logLevel: env.LOG_LEVEL,
  };
}
