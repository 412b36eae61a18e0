import { describe, expect, it, vi } from 'vitest';
import type { PageTaskOutcome } from '../../../lib/messages/page-task-outcome';
import { pageTaskOutcomeOptional } from '../../../lib/messages/page-task-outcome';
import { createPageTaskState, type PageTaskStarter } from '../../../lib/state/page-task';

function starter(outcomes: (PageTaskOutcome | Error)[]) {
  let grant: () => void = () => undefined;
  const start = vi.fn(async () => {
    const next = outcomes.shift() ?? { ok: true };
    if (next instanceof Error) throw next;
    return next;
  });
  const fake: PageTaskStarter = {
    start,
    onAccessGranted(listener) {
      grant = listener;
      return () => {
        grant = () => undefined;
      };
    },
  };
  return { fake, start, grant: () => grant() };
}

describe("the side panel's Task for this page", () => {
  it('R10: says nothing when the background started the task (the form follows its request)', async () => {
    const { fake } = starter([{ ok: true }]);
    const state = createPageTaskState(fake);
    await state.start();
    expect(state.notice.value).toBeNull();
  });

  it('R10: after the browser offered site access, starts the task by itself once it is granted', async () => {
    const { fake, start, grant } = starter([
      { ok: false, problem: 'access-requested' },
      { ok: true },
    ]);
    const state = createPageTaskState(fake);
    await state.start();
    expect(state.notice.value).toBe('access-requested');
    grant();
    await vi.waitFor(() => expect(state.notice.value).toBeNull());
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('does not start a task when access is granted for something the agent did not ask', async () => {
    const { fake, start, grant } = starter([]);
    createPageTaskState(fake);
    grant();
    expect(start).not.toHaveBeenCalled();
  });

  it('says when there is no page, and when starting failed, and the agent can dismiss it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { fake } = starter([{ ok: false, problem: 'no-page' }, new Error('worker gone')]);
    const state = createPageTaskState(fake);
    await state.start();
    expect(state.notice.value).toBe('no-page');
    await state.start();
    expect(state.notice.value).toBe('failed');
    expect(state.busy.value).toBe(false);
    state.dismiss();
    expect(state.notice.value).toBeNull();
    warn.mockRestore();
  });

  it('is not offered where the panel has no page beside it', async () => {
    const state = createPageTaskState(undefined);
    expect(state.available).toBe(false);
    await state.start();
    expect(state.notice.value).toBeNull();
  });
});

describe('pageTaskOutcomeOptional', () => {
  it('reads the background’s outcomes and nothing else', () => {
    expect(pageTaskOutcomeOptional({ ok: true })).toEqual({ ok: true });
    expect(pageTaskOutcomeOptional({ ok: false, problem: 'needs-access' })).toEqual({
      ok: false,
      problem: 'needs-access',
    });
    expect(pageTaskOutcomeOptional({ ok: false, error: 'message rejected' })).toBeNull();
    expect(pageTaskOutcomeOptional({ ok: false, problem: '<b>x</b>' })).toBeNull();
    expect(pageTaskOutcomeOptional(null)).toBeNull();
  });
});
