import { storage } from 'wxt/utils/storage';

/**
 * The agent's id as lib/session/current-agent keeps it. The background makes it at start-up, so
 * the panel normally just reads it; only when it is missing is current-agent loaded (it brings
 * the id schema, which the first render does without) to make it.
 */
export async function sidePanelAgentId(): Promise<string> {
  const stored = await storage.getItem<string>('local:agentId');
  if (stored) return stored;
  const { currentAgentId } = await import('../../lib/session/current-agent');
  return currentAgentId();
}
