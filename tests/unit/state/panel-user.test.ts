import { describe, expect, it } from 'vitest';
import { localAgent } from '../../../lib/domain/local-agent';
import { TASK_KINDS } from '../../../lib/domain/task-kind';
import { LOCAL_AGENT_PERMISSIONS, panelUser } from '../../../lib/state/panel-user';
import { LIST_KINDS } from '../../../lib/state/task-kinds';
import { AGENT } from '../db/fixtures';

describe('what the first render restates to stay small', () => {
  it('R22: the kind filter offers every task kind', () => {
    expect([...LIST_KINDS]).toEqual([...TASK_KINDS]);
  });
});

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
