import type { Migration } from 'kysely';
import * as init from './0001_init';
import * as auth from './0002_auth';
import * as resources from './0003_resources';
import * as interactions from './0004_interactions';
import * as tasksByStatus from './0005_tasks_by_status';
import * as settingsRevision from './0006_settings_revision';
import * as taskLogged from './0007_task_logged';

/**
 * Every migration, in code so the server needs no folder scanning. Add new ones at the end; the
 * names sort in the order they run, and a migration that has shipped is never edited.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_init': init,
  '0002_auth': auth,
  '0003_resources': resources,
  '0004_interactions': interactions,
  '0005_tasks_by_status': tasksByStatus,
  '0006_settings_revision': settingsRevision,
  '0007_task_logged': taskLogged,
};
