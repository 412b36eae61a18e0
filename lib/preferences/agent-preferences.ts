import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * An agent's own settings on this browser: their reminder lead instead of the contact center's
 * default, and which notifications they want. Kept in extension storage so the background (which
 * shows notifications) and the options page (which edits them) read the same values.
 */
export const AgentPreferencesSchema = z.object({
  /** Null: the contact center's default reminder lead applies. */
  reminderLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable(),
  reminderNotifications: z.boolean(),
  callLogNotifications: z.boolean(),
});
export type AgentPreferences = z.infer<typeof AgentPreferencesSchema>;

export const DEFAULT_AGENT_PREFERENCES: AgentPreferences = {
  reminderLeadMinutes: null,
  reminderNotifications: true,
  callLogNotifications: true,
};

const preferencesItem = storage.defineItem<unknown>('local:agentPreferences', {
  fallback: null,
});

/** The agent's preferences; the defaults when none are stored or what is stored does not parse. */
export async function loadAgentPreferences(): Promise<AgentPreferences> {
  const parsed = AgentPreferencesSchema.safeParse(await preferencesItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_AGENT_PREFERENCES;
}

export async function saveAgentPreferences(preferences: AgentPreferences): Promise<void> {
  await preferencesItem.setValue(AgentPreferencesSchema.parse(preferences));
}
