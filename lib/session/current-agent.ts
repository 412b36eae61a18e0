import { storage } from 'wxt/utils/storage';
import { newId } from '../domain/ids';

/** Who acts in this browser: the signed-in user, or signed out a local identity made once. */
const localAgentId = storage.defineItem<string>('local:agentId', { init: newId });

/**
 * The browser's own local identity while a signed-in user acts in its place, so signing out
 * gives back the same agent (and the tasks assigned to it) as before signing in.
 */
const ownAgentId = storage.defineItem<string>('local:ownAgentId');

export async function currentAgentId(): Promise<string> {
  return localAgentId.getValue();
}

/** The browser's own local identity while someone is signed in; null when nobody is. */
export async function ownLocalAgentId(): Promise<string | null> {
  return (await ownAgentId.getValue()) ?? null;
}

/** After sign-in the agent is the session's user. */
export async function actAsSignedInUser(userId: string): Promise<void> {
  const current = await localAgentId.getValue();
  // Signing in again (another user, or after the session expired) keeps the first local id.
  if (!(await ownAgentId.getValue())) await ownAgentId.setValue(current);
  await localAgentId.setValue(userId);
}

/** After sign-out the browser's own local identity acts again. */
export async function actAsLocalAgent(): Promise<void> {
  const own = await ownAgentId.getValue();
  if (!own) return;
  await localAgentId.setValue(own);
  await ownAgentId.removeValue();
}
