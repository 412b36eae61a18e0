/**
 * Who decided a change: the agent saving the form, or the system reporting what happened (the
 * softphone's wrap-up codes and callback time). Required custom fields bind the agent's saves
 * only: the system cannot fill them in, and what it reports must not be lost for want of them.
 */
export type ChangeSource = 'agent' | 'system';
