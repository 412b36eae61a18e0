import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './project-paths';

const PackageJsonSchema = z.object({ version: z.string().min(1) });

/** The version in package.json: the one number the extension, the server and the docs share. */
export const SERVER_VERSION = PackageJsonSchema.parse(
  JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')),
).version;
