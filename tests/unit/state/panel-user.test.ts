import { describe, expect, it } from 'vitest';
import { localAgent } from '../../../lib/domain/local-agent';
import { LOCAL_AGENT_PERMISSIONS, panelUser } from '../../../lib/state/panel-user';
import { AGENT } from '../db/fixtures';

describe('the panel user', () => {
  it('R24: before the user list arrives the panel offers what the store lets the local agent do', () => {
    expect(panelUser(AGENT, undefined)).toEqual(localAgent(AGENT));
    expect([...LOCAL_AGENT_PERMISSIONS]).toEqual(localAgent(AGENT).permissions);
  });

  it('R24: the stored user record wins once it is there', () => {
    const stored = { ...localAgent(AGENT), permissions: ['view' as const] };
    expect(panelUser(AGENT, stored)).toBe(stored);
  });
});
