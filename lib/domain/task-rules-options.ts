import type { FieldDefinition } from './field-definition';
import { DEFAULT_SETTINGS } from './settings';

/** The contact center's configuration that task operations depend on. */
export interface TaskRulesOptions {
  /** The custom field definitions; when given, `fields` values are validated against them. */
  definitions?: readonly FieldDefinition[];
  /** The contact center's default reminder lead (Settings.defaultReminderLeadMinutes). */
  defaultReminderLeadMinutes?: number;
  /** Settings.codesRequiredOnCallLogs: an agent's save of a call log needs a code. */
  codesRequiredOnCallLogs?: boolean;
}

export function defaultLeadMinutes(options: TaskRulesOptions): number {
  return options.defaultReminderLeadMinutes ?? DEFAULT_SETTINGS.defaultReminderLeadMinutes;
}
