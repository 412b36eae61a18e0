import { storage } from 'wxt/utils/storage';
import { newId } from '../domain/ids';

// Until sign-in (the sync issue) the agent is a local identity made once per browser profile.
const localAgentId = storage.defineItem<string>('local:agentId', { init: newId });

export async function currentAgentId(): Promise<string> {
  return localAgentId.getValue();
}
